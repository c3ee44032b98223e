package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.UserView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generation contract over HTTP; photo presets run on a scripted stand-in for Replicate. */
class GenerationsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ScriptedProvider REPLICATE = new ScriptedProvider("replicate");
    private static TestServer server;
    private static Studio studio;
    private static long photoPreset;
    private static long proPreset;

    @BeforeAll
    static void start() {
        server = TestServer.withProviders(List.of(REPLICATE));
        studio = new Studio(server);
        photoPreset = studio.presetId("linkedin-headshot");
        proPreset = studio.presetId("vogue-cover");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createDebitsAtOnceAnswers202AndCompletesWithOwnerOnlyFiles() {
        ApiClient user = studio.userWithCredits(10);
        String upload = Studio.upload(user);

        Answer created = Studio.create(user, photoPreset, upload, "smiling", null);
        assertThat(created.status()).isEqualTo(202);
        GenerationAccepted accepted = created.as(GenerationAccepted.class);
        assertThat(accepted.status()).isEqualTo(GenerationStatus.PENDING);
        assertThat(accepted.creditsCharged()).isEqualTo(4);
        assertThat(Studio.credits(user)).isEqualTo(6);
        String id = accepted.id().toString();

        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo("replicate");
        assertThat(done.refunded()).isFalse();
        assertThat(done.apiCostUsd()).isEqualByComparingTo("0.04");
        assertThat(done.presetName()).isEqualTo("LinkedIn Headshot");

        Answer output = user.get(done.outputUrl());
        assertThat(output.status()).isEqualTo(200);
        assertThat(output.contentType()).isEqualTo("image/jpeg");
        assertThat(user.get(done.thumbnailUrl()).status()).isEqualTo(200);
        assertThat(Studio.credits(user)).isEqualTo(6);

        ApiClient stranger = studio.userWithCredits(5);
        assertThat(stranger.get(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(404);
        assertThat(stranger.get(done.outputUrl()).status()).isEqualTo(404);
        assertThat(stranger.get(done.thumbnailUrl()).status()).isEqualTo(404);
        assertThat(Studio.cancel(stranger, id).status()).isEqualTo(404);
        assertThat(stranger.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(404);
        assertThat(server.client().get(done.outputUrl()).status()).isEqualTo(401);
    }

    @Test
    void shortBalanceIs402AndChargesNothing() {
        assertRefusedUncharged(3, photoPreset, 402, "insufficient_credits", "needs 4", "balance is 3");
    }

    @Test
    void proPresetIsRefusedOnTheFreeTierWithAClearMessage() {
        assertRefusedUncharged(50, proPreset, 403, "pro_preset", "PRO preset", "upgrade");
    }

    /** A user with {@code credits} creates with {@code preset}: refused with this status, code and words, nothing charged. */
    private void assertRefusedUncharged(int credits, long preset, int status, String code, String... messageSays) {
        ApiClient user = studio.userWithCredits(credits);
        Answer answer = Studio.create(user, preset, Studio.upload(user), null, null);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).contains(messageSays);
        assertThat(Studio.credits(user)).isEqualTo(credits);
    }

    @Test
    void badReferencesAndBodiesAreClearErrors() {
        ApiClient user = studio.userWithCredits(20);
        String upload = Studio.upload(user);
        assertThat(Studio.create(user, 999_999, upload, null, null).status()).isEqualTo(404);
        assertThat(Studio.create(user, photoPreset, UUID.randomUUID().toString(), null, null)
                        .status())
                .isEqualTo(404);
        String othersUpload = Studio.upload(studio.userWithCredits(5));
        assertThat(Studio.create(user, photoPreset, othersUpload, null, null).status())
                .isEqualTo(404);
        assertThat(user.post(ApiPaths.GENERATIONS, Map.of("uploadId", upload)).errorCode())
                .isEqualTo("missing_preset");
        assertThat(user.post(ApiPaths.GENERATIONS, Map.of("presetId", photoPreset))
                        .errorCode())
                .isEqualTo("missing_upload");
        assertThat(Studio.create(user, photoPreset, upload, "x".repeat(1001), null)
                        .errorCode())
                .isEqualTo("prompt_too_long");
        assertThat(user.postRaw(ApiPaths.GENERATIONS, "{\"presetId\": \"abc\"}").status())
                .isEqualTo(400);
        assertThat(Studio.credits(user)).isEqualTo(20);
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameGenerationAndChargesOnce() {
        ApiClient user = studio.userWithCredits(12);
        String upload = Studio.upload(user);
        String key = "retry-" + UUID.randomUUID();

        Answer first = Studio.create(user, photoPreset, upload, null, key);
        Answer second = Studio.create(user, photoPreset, upload, null, key);
        Answer third = Studio.create(user, photoPreset, upload, null, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        assertThat(third.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        assertThat(Studio.credits(user)).isEqualTo(8);
        assertThat(user.get(ApiPaths.GENERATIONS).page(GenerationView.class).items())
                .hasSize(1);

        Answer conflict = Studio.create(user, studio.presetId("actor-headshot"), upload, null, key);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("idempotency_conflict");
        assertThat(Studio.create(user, photoPreset, upload, null, "another-" + key)
                        .status())
                .isEqualTo(202);
        assertThat(Studio.credits(user)).isEqualTo(4);
    }

    @Test
    void providerFailureEndsFailedWithReasonAndRefund() {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.generate(user, photoPreset, "please fail");
        assertThat(Studio.credits(user)).isZero();

        GenerationView failed = Studio.awaitFinal(user, id, WAIT);
        assertThat(failed.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.refunded()).isTrue();
        assertThat(failed.error().code()).isEqualTo("nsfw_detected");
        assertThat(failed.error().message()).contains("safety filter");
        assertThat(failed.outputUrl()).isNull();
        assertThat(Studio.credits(user)).isEqualTo(4);
        LedgerEntryView newest =
                user.get(ApiPaths.LEDGER).page(LedgerEntryView.class).items().get(0);
        assertThat(newest.kind()).isEqualTo(LedgerKind.REFUND);
        assertThat(newest.amount()).isEqualTo(4);
        assertThat(newest.reference()).isEqualTo("generation:" + id);
    }

    @Test
    void cancelRefundsARunningJobAndTellsTheProviderButNotAFinishedOne() {
        ApiClient user = studio.userWithCredits(8);
        String upload = Studio.upload(user);
        String running = Studio.create(user, photoPreset, upload, "runs forever", null)
                .json()
                .get("id")
                .asText();
        Studio.awaitStatus(user, running, GenerationStatus.RUNNING, WAIT);

        Answer canceled = Studio.cancel(user, running);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.as(GenerationView.class).status()).isEqualTo(GenerationStatus.CANCELED);
        assertThat(canceled.as(GenerationView.class).refunded()).isTrue();
        assertThat(Studio.credits(user)).isEqualTo(8);
        await().atMost(WAIT).until(() -> REPLICATE.canceled().contains("job-" + running));

        Answer again = Studio.cancel(user, running);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("already_finished");
        assertThat(Studio.credits(user)).isEqualTo(8);

        String finished = Studio.create(user, photoPreset, upload, null, null)
                .json()
                .get("id")
                .asText();
        Studio.awaitFinal(user, finished, WAIT);
        assertThat(Studio.cancel(user, finished).status()).isEqualTo(409);
        assertThat(Studio.credits(user)).isEqualTo(4);
    }

    @Test
    void deleteRemovesTheGenerationAndItsFiles() {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.generate(user, photoPreset, null);
        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        String outputKey = server.app()
                .database()
                .dsl()
                .fetchValue("select output_key from generations where id = ?::uuid", id)
                .toString();

        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(204);
        assertThat(user.get(ApiClient.path(ApiPaths.GENERATION, id)).status()).isEqualTo(404);
        assertThat(user.get(done.outputUrl()).status()).isEqualTo(404);
        assertThat(server.config().dataDir().resolve("files").resolve(outputKey))
                .doesNotExist();
        // deleting again is idempotent while the tombstone is kept (a retry whose answer was lost)
        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(204);
        // but only for its owner, and an id never had stays a 404
        assertThat(studio.userWithCredits(0)
                        .delete(ApiClient.path(ApiPaths.GENERATION, id))
                        .status())
                .isEqualTo(404);
        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listIsNewestFirstWithCursorAndStatusFilter() {
        ApiClient user = studio.userWithCredits(20);
        String upload = Studio.upload(user);
        List<String> ids = new ArrayList<>();
        for (String prompt : List.of("a", "b", "please fail", "d")) {
            ids.add(Studio.create(user, photoPreset, upload, prompt, null)
                    .json()
                    .get("id")
                    .asText());
        }
        ids.forEach(id -> Studio.awaitFinal(user, id, WAIT));

        Page<GenerationView> page1 = user.get(ApiPaths.GENERATIONS + "?limit=3").page(GenerationView.class);
        assertThat(page1.items()).hasSize(3);
        assertThat(page1.items().get(0).id()).hasToString(ids.get(3));
        Page<GenerationView> page2 = user.get(ApiPaths.GENERATIONS + "?limit=3&cursor=" + page1.nextCursor())
                .page(GenerationView.class);
        assertThat(page2.items()).hasSize(1);
        assertThat(page2.items().get(0).id()).hasToString(ids.get(0));
        assertThat(page2.nextCursor()).isNull();
        String email = user.get(ApiPaths.ME).as(UserView.class).email();
        ApiClient admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertThat(admin.get(ApiPaths.ADMIN_USERS + "?q=" + email)
                        .page(AdminUserView.class)
                        .items()
                        .get(0)
                        .generations())
                .isEqualTo(4);

        List<GenerationView> failed = user.get(ApiPaths.GENERATIONS + "?status=failed")
                .page(GenerationView.class)
                .items();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).id()).hasToString(ids.get(2));
        assertThat(user.get(ApiPaths.GENERATIONS + "?status=DONE").errorCode()).isEqualTo("invalid_status");
        assertThat(user.get(ApiPaths.GENERATIONS + "?cursor=bogus").errorCode()).isEqualTo("invalid_cursor");
    }

    @Test
    void eventsStreamCarriesTheUsersStatusChanges() throws Exception {
        ApiClient user = studio.userWithCredits(4);
        String upload = Studio.upload(user);
        try (EventsStream stream = EventsStream.open(user)) {
            assertThat(stream.response().code()).isEqualTo(200);
            assertThat(stream.response().header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.readLine()).startsWith(":");
            String id = Studio.create(user, photoPreset, upload, "slow", null)
                    .json()
                    .get("id")
                    .asText();

            List<String> statuses = new ArrayList<>();
            List<String> balances = new ArrayList<>();
            List<String> library = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!statuses.contains("COMPLETED")) {
                EventsStream.Event next = stream.next(deadline);
                if (next == null) {
                    break;
                } else if (ApiPaths.LIBRARY_EVENT.equals(next.name())) {
                    // each status change is a library change too: other devices pull the change feed
                    library.add(next.data());
                } else if (ApiPaths.BALANCE_EVENT.equals(next.name())) {
                    // the debit of the create changes the balance: a balance event on the same stream
                    balances.add(next.data());
                } else {
                    JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(next.data());
                    assertThat(event.get("generationId").asText()).isEqualTo(id);
                    statuses.add(event.get("status").asText());
                }
            }
            assertThat(statuses).containsSubsequence("PENDING", "RUNNING", "COMPLETED");
            assertThat(library)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event).startsWith("{\"cursor\":\"1."));
            assertThat(balances).anySatisfy(balance -> assertThat(balance).contains("\"reason\":\"debit\""));
        }
        try (EventsStream anonymous = EventsStream.open(server.client())) {
            assertThat(anonymous.response().code()).isEqualTo(401);
        }
        Answer notSse = user.get(ApiPaths.EVENTS);
        assertThat(notSse.status()).isEqualTo(406);
        assertThat(notSse.errorCode()).isEqualTo("not_acceptable");
    }
}
