package com.pixfino.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin presets: margins, create, replace, change, deactivate, validation and the audit rows. */
class AdminPresetsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static ApiClient admin;
    private static AdminPresetView localImage;

    @BeforeAll
    static void signIn() {
        admin = SERVER.server().client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        localImage = presets().stream()
                .filter(p -> p.kind().name().equals("IMAGE") && !p.pro())
                .findFirst()
                .orElseThrow();
    }

    private static List<AdminPresetView> presets() {
        Answer answer = admin.get(ApiPaths.ADMIN_PRESETS);
        assertThat(answer.status()).isEqualTo(200);
        Page<AdminPresetView> page = answer.page(AdminPresetView.class);
        assertThat(page.nextCursor()).isNull();
        return page.items();
    }

    private static Map<String, Object> newPreset(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Test look " + slug);
        body.put("category", localImage.category().name());
        body.put("kind", "IMAGE");
        body.put("provider", localImage.provider());
        body.put("model", localImage.model());
        body.put("credits", 3);
        body.put("apiCostUsd", "0.0500");
        body.put("promptTemplate", "A portrait of {subject} in soft light");
        body.put("negativePrompt", "blurry");
        return body;
    }

    private static String slug() {
        return "test-look-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Answer patch(long id, String json) {
        return admin.method("PATCH", ApiClient.path(ApiPaths.ADMIN_PRESET, id), json);
    }

    @Test
    void everyPresetIsListedWithItsMarginAsDecimalStrings() {
        List<AdminPresetView> all = presets();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        JsonNode first = admin.get(ApiPaths.ADMIN_PRESETS).json().at("/items/0");
        assertThat(first.get("apiCostUsd").isTextual()).isTrue();
        assertThat(first.get("marginUsd").isTextual()).isTrue();
        assertThat(first.get("marginPct").isTextual()).isTrue();
        for (AdminPresetView preset : all) {
            BigDecimal revenue = new BigDecimal("0.27").multiply(BigDecimal.valueOf(preset.credits()));
            BigDecimal margin = revenue.subtract(new BigDecimal(preset.apiCostUsd()));
            assertThat(new BigDecimal(preset.marginUsd())).as(preset.slug()).isEqualByComparingTo(margin);
            assertThat(preset.marginUsd()).matches("-?\\d+\\.\\d{4}");
            assertThat(preset.marginPct())
                    .as(preset.slug())
                    .isEqualTo(margin.multiply(BigDecimal.valueOf(100))
                            .divide(revenue, 1, RoundingMode.HALF_UP)
                            .toPlainString());
        }
    }

    @Test
    void aCreatedPresetIsInTheCatalogAndAudited() {
        String slug = slug();
        Answer created = admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        AdminPresetView preset = created.as(AdminPresetView.class);
        assertThat(preset.active()).isTrue();
        assertThat(preset.apiCostUsd()).isEqualTo("0.0500");
        assertThat(preset.marginUsd()).isEqualTo("0.7600");
        assertThat(preset.marginPct()).isEqualTo("93.8");
        assertThat(preset.version()).isEqualTo(1);
        assertThat(preset.aspectRatios()).isNotEmpty().contains(preset.defaultAspectRatio());
        assertThat(Studio.preset(SERVER.client(), slug).credits()).isEqualTo(3);

        Answer again = admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("slug_taken");

        AuditEntryView row = admin.get(ApiPaths.ADMIN_AUDIT + "?limit=100").page(AuditEntryView.class).items().stream()
                .filter(e -> e.targetId().equals(Long.toString(preset.id())))
                .findFirst()
                .orElseThrow();
        assertThat(row.action()).isEqualTo("preset_created");
        assertThat(row.targetType()).isEqualTo("preset");
        assertThat(row.before()).isNull();
        assertThat(row.after()).containsEntry("slug", slug).containsEntry("credits", 3);
    }

    @Test
    void invalidPresetsAreRefusedFieldByField() {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("invalid_slug", Map.of("slug", "Snow Princess"));
        cases.put("invalid_credits", Map.of("credits", 0));
        cases.put("invalid_credits ", Map.of("credits", 501));
        cases.put("invalid_durationSeconds", Map.of("kind", "VIDEO", "durationSeconds", 2));
        cases.put("invalid_durationSeconds ", Map.of("kind", "VIDEO", "durationSeconds", 21));
        cases.put("invalid_durationSeconds  ", Map.of("durationSeconds", 5));
        cases.put("invalid_provider", Map.of("provider", "midjourney"));
        cases.put("invalid_model", Map.of("model", "no-such-model"));
        cases.put("invalid_promptTemplate", Map.of("promptTemplate", "x".repeat(2001)));
        cases.put("invalid_apiCostUsd", Map.of("apiCostUsd", "-1"));
        cases.put("invalid_aspectRatios", Map.of("aspectRatios", List.of("7:5")));
        cases.put("invalid_name", Map.of("name", " "));
        cases.forEach((code, change) -> {
            Map<String, Object> body = newPreset(slug());
            body.putAll(change);
            Answer answer = admin.post(ApiPaths.ADMIN_PRESETS, body);
            assertThat(answer.status()).as(code + " " + answer.body()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo(code.trim());
            assertThat(answer.json().at("/error/message").asText()).endsWith(".");
        });
        Map<String, Object> missing = newPreset(slug());
        missing.remove("promptTemplate");
        assertThat(admin.post(ApiPaths.ADMIN_PRESETS, missing).errorCode()).isEqualTo("invalid_promptTemplate");
        Map<String, Object> unknown = newPreset(slug());
        unknown.put("colour", "red");
        assertThat(admin.post(ApiPaths.ADMIN_PRESETS, unknown).errorCode()).isEqualTo("unknown_field");
    }

    @Test
    void aDeactivatedPresetLeavesTheCatalogAndCreatingFromItIs404() {
        AdminPresetView preset =
                admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug())).as(AdminPresetView.class);
        Studio studio = new Studio(SERVER.server());
        ApiClient user = studio.userWithCredits(10);

        Answer off = patch(preset.id(), "{\"active\": false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.as(AdminPresetView.class).active()).isFalse();
        assertThat(Arrays.stream(SERVER.client().get(ApiPaths.PRESETS).as(PresetView[].class))
                        .map(PresetView::id))
                .doesNotContain(preset.id());
        assertThat(presets()).extracting(AdminPresetView::id).contains(preset.id());
        Answer create = Studio.create(user, preset.id(), Studio.upload(user), null, null);
        assertThat(create.status()).isEqualTo(404);
        assertThat(Studio.credits(user)).isEqualTo(10);
        Answer unknown = Studio.create(user, 9_999_999, Studio.upload(user), null, null);
        assertThat(create.errorCode()).isEqualTo(unknown.errorCode());

        AuditEntryView row = admin.get(ApiPaths.ADMIN_AUDIT + "?limit=1")
                .page(AuditEntryView.class)
                .items()
                .get(0);
        assertThat(row.action()).isEqualTo("preset_changed");
        assertThat(row.before()).isEqualTo(Map.of("active", true));
        assertThat(row.after()).isEqualTo(Map.of("active", false));

        assertThat(patch(preset.id(), "{\"active\": true}").status()).isEqualTo(200);
        assertThat(Studio.create(user, preset.id(), Studio.upload(user), null, null)
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aChangeNeverAltersWhatEarlierGenerationsWereCharged() {
        AdminPresetView preset =
                admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug())).as(AdminPresetView.class);
        Studio studio = new Studio(SERVER.server());
        ApiClient user = studio.userWithCredits(20);
        String before = Studio.generate(user, preset.id(), null);

        Answer changed = patch(preset.id(), "{\"credits\": 7, \"apiCostUsd\": \"0.1\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.as(AdminPresetView.class).version()).isEqualTo(2);
        assertThat(changed.as(AdminPresetView.class).apiCostUsd()).isEqualTo("0.1000");
        String after = Studio.generate(user, preset.id(), null);

        GenerationView first = Studio.awaitFinal(user, before, Duration.ofSeconds(60));
        GenerationView second = Studio.awaitFinal(user, after, Duration.ofSeconds(60));
        assertThat(first.creditsCharged()).isEqualTo(3);
        assertThat(first.presetVersion()).isEqualTo(1);
        assertThat(second.creditsCharged()).isEqualTo(7);
        assertThat(second.presetVersion()).isEqualTo(2);
    }

    @Test
    void putReplacesTheWholePresetAndNeedsEveryRequiredField() {
        AdminPresetView preset =
                admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug())).as(AdminPresetView.class);
        Map<String, Object> whole = newPreset(preset.slug());
        whole.put("name", "Renamed look");
        whole.put("featured", true);
        Answer replaced =
                admin.method("PUT", ApiClient.path(ApiPaths.ADMIN_PRESET, preset.id()), ApiClient.json(whole));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.as(AdminPresetView.class).name()).isEqualTo("Renamed look");
        assertThat(replaced.as(AdminPresetView.class).featured()).isTrue();
        assertThat(replaced.as(AdminPresetView.class).negativePrompt()).isEqualTo("blurry");

        whole.remove("credits");
        Answer partial = admin.method("PUT", ApiClient.path(ApiPaths.ADMIN_PRESET, preset.id()), ApiClient.json(whole));
        assertThat(partial.errorCode()).isEqualTo("invalid_credits");

        AdminPresetView other =
                admin.post(ApiPaths.ADMIN_PRESETS, newPreset(slug())).as(AdminPresetView.class);
        Answer taken = patch(other.id(), "{\"slug\": \"" + preset.slug() + "\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(patch(9_999_999, "{\"active\": false}").status()).isEqualTo(404);
        assertThat(admin.method("PATCH", "/api/v1/admin/presets/abc", "{}").status())
                .isEqualTo(404);
    }
}
