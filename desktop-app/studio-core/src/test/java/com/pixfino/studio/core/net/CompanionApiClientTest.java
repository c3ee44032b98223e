package com.pixfino.studio.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.HeardEvents;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed-in API against canned answers in the server's documented formats. */
class CompanionApiClientTest extends CannedServerTest {

    @TempDir
    Path dir;

    @Test
    void aRefusalCarriesTheServersSentence() {
        server.enqueue(HealthResponses.json(
                401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"The email or password is wrong.\"}}"));

        assertThatThrownBy(() -> api().login(new LoginRequest("a@b.c", "x")))
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The email or password is wrong.");
                    assertThat(e.code()).isEqualTo("unauthorized");
                    assertThat(e.isUnauthorized()).isTrue();
                });
    }

    @Test
    void aRefusalCarriesTheWaitTheServerAskedFor() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "7")
                .body("{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Slow down.\"}}")
                .build());
        server.enqueue(HealthResponses.json(503, "<html>busy</html>"));
        server.enqueue(
                HealthResponses.json(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"Down for a moment.\"}}"));

        assertThatThrownBy(() -> api().me()).isInstanceOfSatisfying(CompanionApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        });
        assertThatThrownBy(() -> api().me())
                .isInstanceOfSatisfying(
                        CompanionHttpException.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
        assertThatThrownBy(() -> api().me())
                .isInstanceOfSatisfying(
                        CompanionApiException.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void aProxyErrorPageIsReportedPlainly() {
        server.enqueue(HealthResponses.json(502, "<html>Bad gateway</html>"));

        assertThatThrownBy(() -> api().me())
                .isInstanceOf(CompanionHttpException.class)
                .isNotInstanceOf(CompanionApiException.class)
                .hasMessage("GET /api/v1/me answered HTTP 502");
    }

    @Test
    void createSendsTheIdempotencyKeyAndTheBearerToken() throws Exception {
        UUID id = UUID.randomUUID();
        server.enqueue(HealthResponses.json(
                202, "{\"id\":\"" + id + "\",\"status\":\"PENDING\",\"creditsCharged\":4,\"extra\":1}"));

        GenerationAccepted accepted =
                api().createGeneration(new CreateGenerationRequest(7L, UUID.randomUUID(), "snow"), "key-123");

        RecordedRequest request = server.takeRequest();
        assertThat(accepted).isEqualTo(new GenerationAccepted(id, GenerationStatus.PENDING, 4));
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("key-123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(request.getBody().utf8()).contains("\"presetId\":7").contains("\"prompt\":\"snow\"");
    }

    @Test
    void uploadsThePhotoAsTheMultipartFilePart() throws Exception {
        Path photo = PhotoFiles.jpeg(dir, "me.jpg", 32, 32);
        server.enqueue(HealthResponses.json(
                201,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"width\":32,\"height\":32,"
                        + "\"contentType\":\"image/jpeg\",\"placeholder\":\"data:\"}"));

        api().upload(photo, "image/jpeg");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/uploads");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
        assertThat(request.getBody().utf8())
                .contains("name=\"file\"; filename=\"me.jpg\"")
                .contains("Content-Type: image/jpeg");
    }

    @Test
    void listsWithStatusCursorAndLimit() throws Exception {
        server.enqueue(HealthResponses.json(200, "{\"items\":[],\"nextCursor\":null}"));

        api().generations(GenerationStatus.COMPLETED, "abc", 200);

        assertThat(server.takeRequest().getUrl().toString())
                .endsWith("/api/v1/generations?limit=200&status=COMPLETED&cursor=abc");
    }

    @Test
    void downloadsIntoPlaceWithoutLeavingPartialFiles() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("JPEGDATA").build());
        server.enqueue(HealthResponses.json(404, "{\"error\":{\"code\":\"not_ready\",\"message\":\"Not ready.\"}}"));
        Path target = dir.resolve("cache").resolve("a.jpg");

        api().download(UUID.randomUUID(), true, target);
        assertThatThrownBy(() -> api().download(
                                UUID.randomUUID(), false, dir.resolve("cache").resolve("b.jpg")))
                .isInstanceOf(CompanionApiException.class);

        assertThat(target).hasContent("JPEGDATA");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theEventStreamAsksForSseAndDeliversGenerationEvents() throws Exception {
        UUID id = UUID.randomUUID();
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/event-stream")
                .body(": connected\n\nevent: generation\nid: " + id + "\ndata: {\"generationId\":\"" + id
                        + "\",\"status\":\"FAILED\",\"refunded\":true}\n\n")
                .build());
        HeardEvents heard = new HeardEvents();

        try (var stream = api().events(heard)) {
            assertThat(heard.next()).isEqualTo(HeardEvents.OPENED);
            assertThat(heard.next()).isEqualTo(new GenerationEvent(id, GenerationStatus.FAILED, true));
            assertThat(heard.next())
                    .as("the canned body ends: the stream is over")
                    .isInstanceOf(Exception.class);
        }
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void aRefusedEventStreamSaysWhy() throws Exception {
        server.enqueue(
                HealthResponses.json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Sign in again.\"}}"));
        HeardEvents heard = new HeardEvents();

        try (var stream = api().events(heard)) {
            assertThat(heard.next())
                    .isInstanceOfSatisfying(
                            CompanionApiException.class,
                            e -> assertThat(e.isUnauthorized()).isTrue());
        }
    }

    @Test
    void anExportIsStreamedToTheFileWithProgressAndNoPartialFileIsLeftOnFailure() throws Exception {
        byte[] zip = new byte[700 * 1024];
        new java.util.Random(7).nextBytes(zip);
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/zip")
                .addHeader("Content-Disposition", "attachment; filename=\"pixfino-data-2026-11-21.zip\"")
                .body(new okio.Buffer().write(zip))
                .build());
        Path target = dir.resolve("export").resolve("mine.zip");
        java.util.List<Long> seen = new java.util.ArrayList<>();

        long size = api().exportData(target, seen::add);

        assertThat(size).isEqualTo(zip.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(seen).isSorted().last().isEqualTo((long) zip.length);
        assertThat(seen.size())
                .as("reported along the way, not only at the end")
                .isGreaterThan(1);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/me/export");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");

        server.enqueue(HealthResponses.json(
                429, "{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Try again in 5 minutes.\"}}"));
        Path second = dir.resolve("export").resolve("again.zip");
        assertThatThrownBy(() -> api().exportData(second, bytes -> {}))
                .isInstanceOfSatisfying(
                        CompanionApiException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(429));
        try (var left = Files.list(dir.resolve("export"))) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void deletingTheAccountSendsThePasswordAndAWrongOneIsTheServersSentence() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(
                HealthResponses.json(
                        403,
                        "{\"error\":{\"code\":\"wrong_password\",\"message\":\"The password is wrong, so nothing was deleted.\"}}"));

        api().deleteAccount("Sunset-Lake-42");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/me");
        assertThat(request.getBody().utf8()).isEqualTo("{\"password\":\"Sunset-Lake-42\"}");
        assertThatThrownBy(() -> api().deleteAccount("nope")).isInstanceOfSatisfying(CompanionApiException.class, e -> {
            assertThat(e.code()).isEqualTo("wrong_password");
            assertThat(e.isUnauthorized()).as("not a reason to sign out").isFalse();
        });
    }
}
