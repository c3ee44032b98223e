package com.pixfino.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient.Answer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What a studio user does through the API, in one line each: for pipeline tests. */
public final class Studio {

    private final TestServer server;
    private final ApiClient admin;

    public Studio(TestServer server) {
        this.server = server;
        this.admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    /** A new user whose balance is exactly {@code credits}. */
    public ApiClient userWithCredits(int credits) {
        ApiClient user = server.client().registerNew();
        int delta = credits - 5;
        if (delta != 0) {
            Answer answer = admin.post("/api/v1/admin/users/" + userId(user) + "/credits", Map.of("amount", delta, "reason", "test setup"));
            if (answer.status() != 201) {
                throw new IllegalStateException(answer.body());
            }
        }
        return user;
    }

    public static UUID userId(ApiClient user) {
        return UUID.fromString(user.get("/api/v1/me").json().get("id").asText());
    }

    public static String upload(ApiClient user) {
        Answer answer = user.upload("/api/v1/uploads", "selfie.jpg", TestImages.jpeg(900, 1200), "image/jpeg");
        if (answer.status() != 201) {
            throw new IllegalStateException(answer.body());
        }
        return answer.json().get("id").asText();
    }

    public long presetId(String slug) {
        for (JsonNode preset : server.client().get("/api/v1/presets").json()) {
            if (preset.get("slug").asText().equals(slug)) {
                return preset.get("id").asLong();
            }
        }
        throw new IllegalArgumentException("no preset " + slug);
    }

    public static Answer create(ApiClient user, long presetId, String uploadId, String prompt, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("presetId", presetId);
        body.put("uploadId", uploadId);
        if (prompt != null) {
            body.put("prompt", prompt);
        }
        return idempotencyKey == null ? user.post("/api/v1/generations", body)
                : user.postWithHeader("/api/v1/generations", body, "Idempotency-Key", idempotencyKey);
    }

    /** Waits until the generation reaches a final status and returns its view. */
    public static JsonNode awaitFinal(ApiClient user, String generationId, Duration timeout) {
        return Await.until(timeout, () -> user.get("/api/v1/generations/" + generationId).json(),
                g -> switch (g.path("status").asText()) {
                    case "COMPLETED", "FAILED", "CANCELED" -> true;
                    default -> false;
                });
    }

    public static int credits(ApiClient user) {
        return user.get("/api/v1/me").json().get("credits").asInt();
    }
}
