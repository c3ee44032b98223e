package com.pixfino.studio.core.admin;

import static com.pixfino.studio.core.testsupport.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin mode's presets and moderation calls, against canned answers in the server's shapes. */
class AdminPresetsAndModerationClientTest extends CannedServerTest {

    private static final String PRESET = "{\"id\":7,\"slug\":\"snow-princess\",\"name\":\"Snow Princess\","
            + "\"category\":\"FANTASY\",\"kind\":\"IMAGE\",\"provider\":\"replicate\",\"model\":\"flux\","
            + "\"durationSeconds\":null,\"credits\":4,\"apiCostUsd\":\"0.0400\",\"marginUsd\":\"1.0400\","
            + "\"marginPct\":\"96.3\",\"featured\":true,\"pro\":false,\"promptTemplate\":\"a {subject}\","
            + "\"negativePrompt\":\"\",\"thumbnailUrl\":null,\"recipe\":{},\"aspectRatios\":[\"1:1\"],"
            + "\"defaultAspectRatio\":\"1:1\",\"sortOrder\":0,\"active\":false,\"uses\":3,\"version\":2}";

    @TempDir
    Path dir;

    @Test
    void presetsAreListedDeactivatedAndGivenAThumbnail() throws Exception {
        server.enqueue(HealthResponses.json(200, "{\"items\":[" + PRESET + "],\"nextCursor\":null}"));
        server.enqueue(HealthResponses.json(200, PRESET));
        server.enqueue(HealthResponses.json(200, PRESET));
        AdminPresetsApi presets = AdminClients.presets(api());
        Path image = Files.write(dir.resolve("cover.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        List<AdminPresetView> list = presets.list();
        AdminPresetView off = presets.setActive(7, false);
        presets.uploadThumbnail(7, image, "image/png");

        assertThat(list)
                .singleElement()
                .satisfies(p -> assertThat(p.marginPct()).isEqualTo("96.3"));
        assertThat(off.active()).isFalse();
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v1/admin/presets");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getUrl().encodedPath()).isEqualTo("/api/v1/admin/presets/7");
        assertThat(patch.getBody().utf8()).isEqualTo("{\"active\":false}");
        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getMethod()).isEqualTo("PUT");
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/api/v1/admin/presets/7/thumbnail");
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
        assertThat(upload.getBody().utf8())
                .contains("name=\"file\"; filename=\"cover.png\"")
                .contains("Content-Type: image/png");
    }

    @Test
    void aDuplicateSlugKeepsTheServersCode() {
        server.enqueue(HealthResponses.json(
                409, "{\"error\":{\"code\":\"slug_taken\",\"message\":\"Another preset already has the slug.\"}}"));
        assertRefused(() -> AdminClients.presets(api()).create(null), 409, "slug_taken");
    }

    @Test
    void flagsArePagedResolvedAndTheWordsReplaced() throws Exception {
        server.enqueue(HealthResponses.json(
                200,
                "{\"items\":[{\"id\":3,\"source\":\"prompt\",\"status\":\"open\",\"userId\":null,\"userEmail\":\"a@b.c\","
                        + "\"generationId\":null,\"prompt\":\"nude\",\"matched\":[\"nude\"],\"reason\":null,"
                        + "\"createdAt\":\"2026-11-27T10:00:00Z\"}],\"nextCursor\":\"c2\"}"));
        server.enqueue(HealthResponses.json(
                200,
                "{\"id\":3,\"source\":\"prompt\",\"status\":\"resolved\",\"matched\":[],\"action\":\"dismiss\","
                        + "\"note\":\"fine\"}"));
        server.enqueue(HealthResponses.json(200, "{\"words\":[\"nude\",\"gore\"]}"));
        ModerationApi moderation = AdminClients.moderation(api());

        Page<ModerationFlagView> page = moderation.flags("open", "c1", 20);
        ModerationFlagView resolved = moderation.resolve(3, new ResolveFlagRequest("dismiss", "fine"));
        ModerationWords words = moderation.replaceWords(new ModerationWords(List.of("nude", "gore")));

        assertThat(page.nextCursor()).isEqualTo("c2");
        assertThat(page.items())
                .singleElement()
                .satisfies(f -> assertThat(f.matched()).containsExactly("nude"));
        assertThat(resolved.action()).isEqualTo("dismiss");
        assertThat(words.words()).containsExactly("nude", "gore");
        RecordedRequest list = server.takeRequest();
        assertThat(list.getUrl().encodedPath()).isEqualTo("/api/v1/admin/moderation/flags");
        assertThat(list.getUrl().queryParameter("status")).isEqualTo("open");
        assertThat(list.getUrl().queryParameter("cursor")).isEqualTo("c1");
        assertThat(list.getUrl().queryParameter("limit")).isEqualTo("20");
        RecordedRequest resolve = server.takeRequest();
        assertThat(resolve.getUrl().encodedPath()).isEqualTo("/api/v1/admin/moderation/flags/3/resolve");
        assertThat(resolve.getBody().utf8()).isEqualTo("{\"action\":\"dismiss\",\"note\":\"fine\"}");
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getBody().utf8()).isEqualTo("{\"words\":[\"nude\",\"gore\"]}");
    }
}
