package com.pixfino.studio.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.testsupport.ForwardingApi;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting generations sent to one real companion server (embedded PostgreSQL) shared by every test. */
class PendingReplayTest {

    private static final Messages MESSAGES = Messages.load(Locale.ROOT);
    private static TestServer server;
    private static CompanionClients clients;
    private static final AtomicInteger SHADE = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestServer.freshConfig("pending-replay"));
        clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
    }

    @AfterAll
    static void stopServer() {
        clients.close();
        server.close();
    }

    private record User(String owner, CompanionApi api) {}

    @Test
    void replayedTwiceARequestIsOneGenerationAndOneDebit() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        try (PendingGenerations store = open()) {
            PendingGeneration row = hold(store, ana, snow, "soft light");
            PendingReplay replay = new PendingReplay(store, MESSAGES);

            PendingReplay.Outcome first = replay.replay(ana.api(), ana.owner());
            PendingReplay.Outcome second = replay.replay(ana.api(), ana.owner());

            assertThat(first.finished()).isTrue();
            assertThat(first.sent()).hasSize(1);
            assertThat(first.sent().get(0).request().idempotencyKey()).isEqualTo(row.idempotencyKey());
            assertThat(first.sent().get(0).accepted().creditsCharged()).isEqualTo(snow.credits());
            assertThat(second.sent()).isEmpty();
            assertThat(store.list(ana.owner())).isEmpty();
            assertThat(row.photo()).as("the kept copy goes with the row").doesNotExist();
            assertThat(ana.api().generations(null, null, 50).items())
                    .singleElement()
                    .satisfies(g -> assertThat(g.prompt()).isEqualTo("soft light"));
            assertThat(debits(ana)).hasSize(1);
        }
    }

    @Test
    void aCrashAfterThePostBeforeTheRowIsGoneIsNotChargedAgainAfterARestart() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        UUID generation;
        try (PendingGenerations store = open()) {
            hold(store, ana, snow, null);
            // The server takes the request and charges; the answer never arrives (the studio dies, the line breaks).
            PendingReplay.Outcome lost = new PendingReplay(store, MESSAGES).replay(answerLost(ana.api()), ana.owner());

            assertThat(lost.finished()).isFalse();
            assertThat(lost.stoppedBy()).containsInstanceOf(SocketTimeoutException.class);
            assertThat(store.list(ana.owner())).singleElement().satisfies(r -> {
                assertThat(r.isWaiting()).isTrue();
                assertThat(r.uploadId()).as("the photo reached the server once").isNotNull();
            });
            generation = ana.api().generations(null, null, 50).items().get(0).id();
        }

        try (PendingGenerations reopened = open()) { // the next start
            PendingReplay.Outcome again = new PendingReplay(reopened, MESSAGES).replay(ana.api(), ana.owner());

            assertThat(again.sent())
                    .singleElement()
                    .satisfies(s -> assertThat(s.accepted().id())
                            .as("the server answers with the first generation")
                            .isEqualTo(generation));
            assertThat(reopened.list(ana.owner())).isEmpty();
        }
        assertThat(ana.api().generations(null, null, 50).items()).hasSize(1);
        assertThat(debits(ana)).hasSize(1);
    }

    @Test
    void aLostAnswerFollowedByMoreThanADayOfflineIsFoundOnTheServerNotSentAgain() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        try (PendingGenerations store = open()) {
            PendingGeneration row = hold(store, ana, snow, "a day later");
            new PendingReplay(store, MESSAGES).replay(answerLost(ana.api()), ana.owner());
            assertThat(store.find(row.id()).orElseThrow().firstSentAt()).isNotNull();
            UUID generation =
                    ana.api().generations(null, null, 50).items().get(0).id();
            // The server forgets keys after 24 h: the key alone can no longer protect this request.
            Clock dayLater = Clock.fixed(Instant.now().plus(Duration.ofHours(30)), ZoneOffset.UTC);

            PendingReplay.Outcome outcome =
                    new PendingReplay(store, MESSAGES, dayLater).replay(noCreate(ana.api()), ana.owner());

            assertThat(outcome.sent())
                    .singleElement()
                    .satisfies(s -> assertThat(s.accepted().id()).isEqualTo(generation));
            assertThat(store.list(ana.owner())).isEmpty();
        }
        assertThat(debits(ana)).hasSize(1);
    }

    @Test
    void aFirstAttemptThatNeverArrivedIsSentOnceMoreThanADayLater() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        try (PendingGenerations store = open()) {
            hold(store, ana, snow, null);
            new PendingReplay(store, MESSAGES).replay(lineDownAtCreate(ana.api()), ana.owner());
            Clock dayLater = Clock.fixed(Instant.now().plus(Duration.ofHours(30)), ZoneOffset.UTC);

            PendingReplay.Outcome outcome = new PendingReplay(store, MESSAGES, dayLater).replay(ana.api(), ana.owner());

            assertThat(outcome.sent()).hasSize(1);
        }
        assertThat(ana.api().generations(null, null, 50).items()).hasSize(1);
        assertThat(debits(ana)).hasSize(1);
    }

    @Test
    void requestsGoInOrderARefusalIsKeptWithTheServersSentenceAndChargesNothing() throws Exception {
        User ana = signedIn(); // a new account holds 5 credits
        PresetView snow = preset(ana, "snow-princess");
        try (PendingGenerations store = open()) {
            PendingGeneration first = hold(store, ana, snow, "one");
            PendingGeneration second = hold(store, ana, snow, "two"); // 4 + 4 > 5: the server refuses this one
            PendingReplay replay = new PendingReplay(store, MESSAGES);

            PendingReplay.Outcome outcome = replay.replay(ana.api(), ana.owner());

            assertThat(outcome.finished()).isTrue();
            assertThat(outcome.sent()).extracting(s -> s.request().id()).containsExactly(first.id());
            assertThat(outcome.refused()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(second.id());
                assertThat(r.failure()).containsIgnoringCase("credits");
            });
            assertThat(store.list(ana.owner())).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(PendingGeneration.State.FAILED);
                assertThat(r.failure()).isEqualTo(outcome.refused().get(0).failure());
            });
            assertThat(replay.replay(ana.api(), ana.owner()).sent())
                    .as("a refused request is not sent again")
                    .isEmpty();
            assertThat(debits(ana)).hasSize(1);
            assertThat(replay.dismiss(second.id())).isTrue();
            assertThat(store.list(ana.owner())).isEmpty();
        }
    }

    @Test
    void withTheServerUnreachableEveryRequestKeepsWaiting() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        CompanionApi gone = clients.forServer(ServerUrl.parse("http://127.0.0.1:" + HealthResponses.deadPort())
                        .orElseThrow())
                .withToken("whatever");
        try (PendingGenerations store = open()) {
            hold(store, ana, snow, null);
            hold(store, ana, snow, null);

            PendingReplay.Outcome outcome = new PendingReplay(store, MESSAGES).replay(gone, ana.owner());

            assertThat(outcome.stoppedBy()).isPresent();
            assertThat(outcome.sent()).isEmpty();
            assertThat(store.list(ana.owner())).hasSize(2).allMatch(PendingGeneration::isWaiting);
        }
        assertThat(debits(ana)).isEmpty();
    }

    @Test
    void aWithdrawnRequestIsNeverSentAndAPhotoCopyLostIsExplained() throws Exception {
        User ana = signedIn();
        PresetView snow = preset(ana, "snow-princess");
        try (PendingGenerations store = open()) {
            PendingGeneration withdrawn = hold(store, ana, snow, null);
            PendingGeneration lost = hold(store, ana, snow, null);
            Files.delete(lost.photo());
            PendingReplay replay = new PendingReplay(store, MESSAGES);

            assertThat(replay.withdraw(withdrawn.id())).isTrue();
            PendingReplay.Outcome outcome = replay.replay(ana.api(), ana.owner());

            assertThat(outcome.sent()).isEmpty();
            assertThat(outcome.refused())
                    .singleElement()
                    .satisfies(r -> assertThat(r.failure()).isEqualTo(MESSAGES.get("pending.photoGone")));
        }
        assertThat(debits(ana)).isEmpty();
    }

    @Test
    void onlyRefusalsOfTheRequestItselfEndIt() {
        assertThat(PendingReplay.isTransient(new SocketTimeoutException("timeout")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionHttpException(502, "bad gateway")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionApiException(503, "providers_paused", "Paused.")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionApiException(429, "rate_limited", "Slow down.")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionApiException(401, "unauthorized", "Sign in.")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionApiException(
                        409, "idempotency_conflict", "This Idempotency-Key is being reused right now; try again.")))
                .isTrue();
        assertThat(PendingReplay.isTransient(new CompanionApiException(402, "insufficient_credits", "Not enough.")))
                .isFalse();
        assertThat(PendingReplay.isTransient(new CompanionApiException(403, "pro_preset", "PRO.")))
                .isFalse();
        assertThat(PendingReplay.isTransient(new CompanionApiException(
                        409, "idempotency_conflict", "This Idempotency-Key was already used for a different request.")))
                .isFalse();
    }

    // --- helpers

    private PendingGenerations open() throws IOException {
        return PendingGenerations.open(dir.resolve("pending.db"), dir.resolve("pending-photos"), UiThreadGuard.NONE);
    }

    private PendingGeneration hold(PendingGenerations store, User user, PresetView preset, String prompt)
            throws IOException {
        int shade = SHADE.incrementAndGet(); // a photo of its own: the server keeps one upload per content
        Path file = PhotoFiles.jpeg(dir.resolve("Pictures"), "p" + shade + ".jpg", 400 + shade, 500);
        return store.add(
                user.owner(),
                new PhotoInfo(file, "image/jpeg", Files.size(file), 400 + shade, 500),
                preset.id(),
                preset.name(),
                prompt,
                MediaKind.IMAGE,
                preset.credits(),
                UUID.randomUUID().toString(),
                Instant.now());
    }

    private static User signedIn() throws IOException {
        CompanionApi anonymous =
                clients.forServer(ServerUrl.parse(server.baseUrl()).orElseThrow());
        AuthResponse auth = anonymous.register(
                new RegisterRequest("offline-" + UUID.randomUUID() + "@pixfino.test", "Sunset-Lake-42", "Offline"));
        return new User(auth.user().id().toString(), anonymous.withToken(auth.token()));
    }

    private static PresetView preset(User user, String slug) throws IOException {
        return user.api().presets().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    private static List<LedgerEntryView> debits(User user) throws IOException {
        return user.api().ledger(null, 200).items().stream()
                .filter(e -> e.kind() == LedgerKind.DEBIT)
                .toList();
    }

    /** The real server, where creating a generation fails the test. */
    private static CompanionApi noCreate(CompanionApi real) {
        return intercepted(real, "createGeneration", () -> {
            throw new AssertionError("sent again although it had arrived");
        });
    }

    /** The real server, except that the line breaks before a create reaches it. */
    private static CompanionApi lineDownAtCreate(CompanionApi real) {
        return intercepted(real, "createGeneration", () -> {
            throw new java.net.ConnectException("Connection refused");
        });
    }

    private interface Interception {
        void happen() throws Exception;
    }

    private static CompanionApi intercepted(CompanionApi real, String methodName, Interception interception) {
        return ForwardingApi.around(real, (method, args, call) -> {
            if (method.getName().equals(methodName)) {
                interception.happen();
            }
            return call.proceed();
        });
    }

    /** The real server, except that the answer to creating a generation is lost on the way back. */
    private static CompanionApi answerLost(CompanionApi real) {
        return ForwardingApi.around(real, (method, args, call) -> {
            Object answer = call.proceed();
            if (method.getName().equals("createGeneration")) {
                GenerationAccepted accepted = (GenerationAccepted) answer;
                assertThat(accepted.id()).isNotNull();
                assertThat(((CreateGenerationRequest) args[0]).uploadId()).isNotNull();
                throw new SocketTimeoutException("read timed out");
            }
            return answer;
        });
    }
}
