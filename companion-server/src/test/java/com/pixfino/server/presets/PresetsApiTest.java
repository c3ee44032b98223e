package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.CreditPricing;
import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PresetsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static List<PresetView> presets(String query) {
        Answer answer = SERVER.client().get(ApiPaths.PRESETS + query);
        assertThat(answer.status()).isEqualTo(200);
        return List.of(answer.as(PresetView[].class));
    }

    @Test
    void atLeastThirtyPresetsAcrossEveryCategoryWithTheNamedOnes() {
        List<PresetView> all = presets("");
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        // every category present, none other (duplicates ignored)
        assertThat(all)
                .extracting(p -> p.category().name())
                .containsOnly("PORTRAIT", "HEADSHOT", "FASHION", "FANTASY", "PRODUCT", "VIDEO_AD");
        assertThat(all)
                .extracting(PresetView::name)
                .contains("Snow Princess", "Red Carpet", "Cyberpunk", "LinkedIn Headshot", "Product on White");
    }

    @Test
    void photoPresetsCostFourAndVideoPresetsBetween20And78WithADuration() {
        for (PresetView p : presets("")) {
            if (p.kind() == MediaKind.IMAGE) {
                assertThat(p.credits()).as(p.slug()).isEqualTo(4);
                assertThat(p.durationSeconds()).isNull();
            } else {
                assertThat(p.credits()).as(p.slug()).isBetween(20, 78);
                assertThat(p.durationSeconds()).isPositive();
            }
            assertThat(p.promptTemplate()).isNotBlank();
            assertThat(p.provider()).isNotBlank();
            assertThat(p.model()).isNotBlank();
            assertThat(p.marginPercent())
                    .isEqualByComparingTo(CreditPricing.marginPercent(p.credits(), p.apiCostUsd()));
        }
    }

    @Test
    void someAreFeaturedAndSomeProAndFeaturedComeFirst() {
        List<PresetView> all = presets("");
        long featured = all.stream().filter(PresetView::featured).count();
        assertThat(featured).isPositive();
        assertThat(all.stream().filter(PresetView::pro).count()).isPositive();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).featured()).isEqualTo(i < featured);
        }
    }

    @Test
    void filtersByCategoryKindAndText() {
        assertThat(presets("?category=PRODUCT")).isNotEmpty().allMatch(p -> p.category() == PresetCategory.PRODUCT);
        assertThat(presets("?category=headshot")).isNotEmpty().allMatch(p -> p.category() == PresetCategory.HEADSHOT);
        assertThat(presets("?kind=VIDEO")).isNotEmpty().allMatch(p -> p.kind() == MediaKind.VIDEO);
        assertThat(presets("?q=snow"))
                .extracting(PresetView::slug)
                .contains("snow-princess", "snow-princess-cinematic");
        assertThat(presets("?q=snow&kind=IMAGE")).extracting(PresetView::slug).containsExactly("snow-princess");
        assertThat(presets("?q=100%25_")).isEmpty();
    }

    @Test
    void unknownFilterValueIs400() {
        Answer answer = SERVER.client().get(ApiPaths.PRESETS + "?category=CARTOONS");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_category");
        assertThat(SERVER.client().get(ApiPaths.PRESETS + "?kind=AUDIO").errorCode())
                .isEqualTo("invalid_kind");
    }
}
