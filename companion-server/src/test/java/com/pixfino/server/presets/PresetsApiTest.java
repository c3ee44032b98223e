package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.CreditPricing;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PresetsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static List<JsonNode> presets(String query) {
        Answer answer = SERVER.client().get("/api/v1/presets" + query);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        answer.json().forEach(list::add);
        return list;
    }

    @Test
    void atLeastThirtyPresetsAcrossEveryCategoryWithTheNamedOnes() {
        List<JsonNode> all = presets("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        Set<String> categories = new HashSet<>();
        Set<String> names = new HashSet<>();
        all.forEach(p -> {
            categories.add(p.get("category").asText());
            names.add(p.get("name").asText());
        });
        assertThat(categories).containsExactlyInAnyOrder("PORTRAIT", "HEADSHOT", "FASHION", "FANTASY", "PRODUCT", "VIDEO_AD");
        assertThat(names).contains("Snow Princess", "Red Carpet", "Cyberpunk", "LinkedIn Headshot", "Product on White");
    }

    @Test
    void photoPresetsCostFourAndVideoPresetsBetween20And78WithADuration() {
        for (JsonNode p : presets("")) {
            if (p.get("kind").asText().equals("IMAGE")) {
                assertThat(p.get("credits").asInt()).as(p.get("slug").asText()).isEqualTo(4);
                assertThat(p.get("durationSeconds").isNull()).isTrue();
            } else {
                assertThat(p.get("credits").asInt()).as(p.get("slug").asText()).isBetween(20, 78);
                assertThat(p.get("durationSeconds").asInt()).isPositive();
            }
            assertThat(p.get("promptTemplate").asText()).isNotBlank();
            assertThat(p.get("provider").asText()).isNotBlank();
            assertThat(p.get("model").asText()).isNotBlank();
            assertThat(p.get("marginPercent").decimalValue())
                    .isEqualByComparingTo(CreditPricing.marginPercent(p.get("credits").asInt(), p.get("apiCostUsd").decimalValue()));
        }
    }

    @Test
    void someAreFeaturedAndSomeProAndFeaturedComeFirst() {
        List<JsonNode> all = presets("");
        long featured = all.stream().filter(p -> p.get("featured").asBoolean()).count();
        assertThat(featured).isPositive();
        assertThat(all.stream().filter(p -> p.get("pro").asBoolean()).count()).isPositive();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("featured").asBoolean()).isEqualTo(i < featured);
        }
    }

    @Test
    void filtersByCategoryKindAndText() {
        assertThat(presets("?category=PRODUCT")).isNotEmpty().allMatch(p -> p.get("category").asText().equals("PRODUCT"));
        assertThat(presets("?category=headshot")).isNotEmpty().allMatch(p -> p.get("category").asText().equals("HEADSHOT"));
        assertThat(presets("?kind=VIDEO")).isNotEmpty().allMatch(p -> p.get("kind").asText().equals("VIDEO"));
        assertThat(presets("?q=snow")).extracting(p -> p.get("slug").asText()).contains("snow-princess", "snow-princess-cinematic");
        assertThat(presets("?q=snow&kind=IMAGE")).extracting(p -> p.get("slug").asText()).containsExactly("snow-princess");
        assertThat(presets("?q=100%25_")).isEmpty();
    }

    @Test
    void unknownFilterValueIs400() {
        Answer answer = SERVER.client().get("/api/v1/presets?category=CARTOONS");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_category");
        assertThat(SERVER.client().get("/api/v1/presets?kind=AUDIO").errorCode()).isEqualTo("invalid_kind");
    }
}
