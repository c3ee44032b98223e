package com.pixfino.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.UploadView;
import com.pixfino.model.api.UserView;
import com.pixfino.server.testsupport.ApiClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** A new user whose balance is exactly {@code credits} and whose email address is verified. */
    public ApiClient userWithCredits(int credits) {
        ApiClient user = server.verifiedUser();
        int delta = credits - 5;
        if (delta != 0) {
            Answer answer = admin.post(
                    ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, userId(user)),
                    Map.of("amount", delta, "reason", "test setup"));
            if (answer.status() != 201) {
                throw new IllegalStateException(answer.body());
            }
        }
        return user;
    }

    public static UUID userId(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class).id();
    }

    public static String upload(ApiClient user) {
        Answer answer = user.upload(ApiPaths.UPLOADS, "selfie.jpg", TestImages.jpeg(900, 1200), "image/jpeg");
        // 200: this user uploaded these very bytes before, and gets that upload back
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException(answer.body());
        }
        return answer.as(UploadView.class).id().toString();
    }

    public PresetView preset(String slug) {
        return preset(server.client(), slug);
    }

    /** The catalog's preset {@code slug}, as anyone may list it on the server {@code client} talks to. */
    public static PresetView preset(ApiClient client, String slug) {
        for (PresetView preset : client.get(ApiPaths.PRESETS).as(PresetView[].class)) {
            if (preset.slug().equals(slug)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("no preset " + slug);
    }

    public long presetId(String slug) {
        return preset(slug).id();
    }

    public static Answer create(ApiClient user, long presetId, String uploadId, String prompt, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("presetId", presetId);
        body.put("uploadId", uploadId);
        if (prompt != null) {
            body.put("prompt", prompt);
        }
        return idempotencyKey == null
                ? user.post(ApiPaths.GENERATIONS, body)
                : user.postWithHeader(ApiPaths.GENERATIONS, body, ApiPaths.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    }

    /** Uploads a fresh photo and starts a generation of it; returns the generation's id. */
    public static String generate(ApiClient user, long presetId, String prompt) {
        return create(user, presetId, upload(user), prompt, null)
                .json()
                .get("id")
                .asText();
    }

    public static GenerationView generation(ApiClient user, String generationId) {
        return user.get(ApiClient.path(ApiPaths.GENERATION, generationId)).as(GenerationView.class);
    }

    public static Answer cancel(ApiClient user, String generationId) {
        return user.post(ApiClient.path(ApiPaths.GENERATION_CANCEL, generationId), Map.of());
    }

    /** Waits until the generation reaches a final status and returns its view. */
    public static GenerationView awaitFinal(ApiClient user, String generationId, Duration timeout) {
        return await("generation " + generationId + " to end")
                .atMost(timeout)
                .until(() -> generation(user, generationId), g -> g.status().isFinal());
    }

    /** Waits until the generation has reached {@code status} (a job picked up is RUNNING). */
    public static GenerationView awaitStatus(
            ApiClient user, String generationId, GenerationStatus status, Duration timeout) {
        return await("generation " + generationId + " to be " + status)
                .atMost(timeout)
                .until(() -> generation(user, generationId), g -> g.status() == status);
    }

    public static int credits(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class).credits();
    }

    /** The kinds of the user's ledger rows for one generation, oldest first. */
    public static List<LedgerKind> ledgerKinds(ApiClient user, String generationId) {
        List<LedgerKind> kinds = new ArrayList<>();
        for (LedgerEntryView row : user.get(ApiPaths.LEDGER + "?limit=100")
                .page(LedgerEntryView.class)
                .items()) {
            if (("generation:" + generationId).equals(row.reference())) {
                kinds.add(0, row.kind());
            }
        }
        return kinds;
    }

    /**
     * The job ended FAILED with {@code code} and a readable reason, and was refunded once: balance back to
     * {@code credits}, ledger DEBIT then REFUND.
     */
    public static void assertFailedAndRefunded(ApiClient user, GenerationView done, String code, int credits) {
        assertThat(done.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(done.error().code()).isEqualTo(code);
        assertThat(done.error().message()).isNotBlank();
        assertThat(done.refunded()).isTrue();
        assertThat(credits(user)).isEqualTo(credits);
        assertThat(ledgerKinds(user, done.id().toString())).containsExactly(LedgerKind.DEBIT, LedgerKind.REFUND);
    }
}
