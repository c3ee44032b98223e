package com.pixfino.studio.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestPhotos;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparer;
import com.pixfino.studio.core.testsupport.ForwardingApi;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch engine against one real companion server (local renderer, embedded PostgreSQL) shared by every test. */
class BatchEngineTest {

    private static final BatchTuning FAST = new BatchTuning(
            Duration.ofMillis(300),
            Duration.ofMillis(50),
            2,
            Duration.ofMillis(100),
            5,
            Duration.ofMillis(200),
            Duration.ofMillis(600));
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> TWO = List.of("snow-princess", "cyberpunk");

    private static HeldRenderer renderer;
    private static TestServer server;
    private static CompanionClients clients;
    private static final AtomicInteger SHADE = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        Path data = TestDatabases.TestDirs.fresh("batch-engine");
        renderer = new HeldRenderer(data.resolve("work"));
        server = TestServer.start(
                TestServer.config(data, Optional.of(TestDatabases.freshDatabase())), List.of(renderer));
        clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
    }

    @AfterAll
    static void stopServer() {
        clients.close();
        server.close();
    }

    @AfterEach
    void releaseRenderer() {
        renderer.release();
    }

    @Test
    void aTreeIsMirroredEveryItemChargedOnceAndEveryOtherFileListedWithItsReason() throws Exception {
        Path in = dir.resolve("in");
        byte[] same = jpeg(400, 500);
        write(in.resolve("a.jpg"), same);
        write(in.resolve("other/a.jpg"), same);
        write(in.resolve("sub/deeper/a-copy.jpg"), same);
        write(in.resolve("x.jpg"), jpeg(410, 500));
        write(in.resolve("x.png"), png(420, 500));
        write(in.resolve("sub/b.jpg"), jpeg(440, 500));
        write(in.resolve("sub/deeper/c.jpg"), jpeg(450, 500));
        write(in.resolve("sub/big.jpg"), jpeg(2600, 1800)); // over the 2048 px cap: a smaller copy is uploaded
        byte[] whole = jpeg(430, 500);
        write(in.resolve("broken.jpg"), Arrays.copyOf(whole, whole.length / 2));
        write(in.resolve("Thumbs.db"), "thumbs".getBytes(StandardCharsets.UTF_8));
        write(in.resolve(".DS_Store"), "ds".getBytes(StandardCharsets.UTF_8));
        write(in.resolve("._x.jpg"), same);
        write(in.resolve(".hidden/h.jpg"), same);
        write(in.resolve("notes.jpg"), "not a photo at all".getBytes(StandardCharsets.UTF_8));
        Path out = in.resolve("results"); // inside the input: never read back as photos
        CompanionApi user = signedIn(100);
        RecordingApi recording = new RecordingApi(user);
        BatchEngine engine =
                new BatchEngine(recording.api(), new PhotoCheck(UiThreadGuard.NONE), new PhotoPreparer(), FAST);
        BatchRequest request = BatchRequest.of(in, out, TWO).withRecursive(true);

        BatchEstimate estimate = engine.estimate(request);

        assertThat(estimate.files()).isEqualTo(8);
        assertThat(estimate.items()).isEqualTo(16);
        assertThat(estimate.toPay())
                .as("the truncated JPEG is found at the scan, never counted")
                .isEqualTo(16);
        assertThat(estimate.credits()).isEqualTo(64);
        assertThat(estimate.balance()).isEqualTo(100);
        assertThat(estimate.enoughCredits()).isTrue();
        assertThat(estimate.skipped())
                .extracting(SkippedFile::file)
                .containsExactly(".DS_Store", "._x.jpg", ".hidden/h.jpg", "Thumbs.db", "broken.jpg", "notes.jpg");
        assertThat(estimate.skipped()).allSatisfy(s -> assertThat(s.reason()).contains(s.file()));
        assertThat(out).as("an estimate writes nothing").doesNotExist();

        List<BatchProgress> heard = new ArrayList<>();
        BatchOutcome outcome = engine.start(request, new BatchListener() {
                    @Override
                    public void progressChanged(BatchProgress progress) {
                        synchronized (heard) {
                            heard.add(progress);
                        }
                    }
                })
                .await();

        BatchProgress end = outcome.progress();
        assertThat(end.state()).isEqualTo(BatchState.FINISHED);
        assertThat(end.total()).isEqualTo(28);
        assertThat(end.completed()).isEqualTo(16);
        assertThat(end.skipped())
                .as("6 files skipped by the scan, the truncated JPEG among them; × 2 presets")
                .isEqualTo(12);
        assertThat(end.failed() + end.canceled() + end.remaining()).isZero();
        assertThat(outcome.allDone()).isTrue();
        synchronized (heard) {
            assertThat(heard).anySatisfy(p -> assertThat(p.eta()).isNotNull());
        }

        List<Row> rows = csv(outcome.csvReport());
        assertThat(rows).hasSize(28);
        assertThat(rows)
                .filteredOn(r -> r.status.equals("completed"))
                .hasSize(16)
                .allSatisfy(r -> {
                    assertThat(r.credits).isEqualTo(4);
                    assertThat(r.generationId).isNotEmpty();
                    assertThat(out.resolve(r.output)).isRegularFile();
                });
        assertThat(rows).filteredOn(r -> r.status.equals("skipped")).hasSize(12).allSatisfy(r -> {
            assertThat(r.credits).isZero();
            assertThat(r.error).isNotBlank();
        });
        assertThat(row(rows, "broken.jpg", "cyberpunk").error).contains("damaged");
        assertThat(row(rows, "notes.jpg", "snow-princess").error).contains("not a JPEG, PNG or WebP");
        assertThat(row(rows, "sub/deeper/c.jpg", "cyberpunk").output)
                .matches("sub/deeper/c-cyberpunk\\.(jpg|png|webp)");
        assertThat(row(rows, "other/a.jpg", "snow-princess").output).matches("other/a-snow-princess\\.(jpg|png|webp)");
        String xJpg = row(rows, "x.jpg", "snow-princess").output;
        String xPng = row(rows, "x.png", "snow-princess").output;
        assertThat(Set.of(xJpg, xPng))
                .as("x.jpg and x.png never share a result")
                .hasSize(2);
        assertThat(xJpg + " " + xPng).matches("x-snow-princess(-2)?\\.\\w+ x-snow-princess(-2)?\\.\\w+");
        JsonNode json = new ObjectMapper().readTree(outcome.jsonReport().toFile());
        assertThat(json.size()).isEqualTo(28);
        assertThat(json.get(0).fieldNames())
                .toIterable()
                .containsExactly("file", "preset", "status", "credits", "output", "generation_id", "error");

        assertThat(debits(user)).hasSize(16);
        assertThat(user.me().credits()).isEqualTo(100 - 16 * 4);
        assertThat(recording.uploads)
                .as("a.jpg and its two copies are uploaded once")
                .hasSize(6);
        assertThat(recording.uploads)
                .filteredOn(p -> p.startsWith(out.resolve(".pixfino/prepared")))
                .as("only the big photo was prepared into a smaller copy")
                .hasSize(1);
        assertThat(new HashSet<>(recording.keys()))
                .hasSize(16)
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
        try (var left = Files.list(out.resolve(".pixfino"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("batch.db", "batch.lock");
        }
    }

    @Test
    void aRunCutOffMidBatchIsFinishedByTheNextOneAndEveryItemIsChargedOnce() throws Exception {
        Path in = input("p0.jpg", "p1.jpg", "p2.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(60);
        BatchRequest request = BatchRequest.of(in, out, TWO).withConcurrency(2);
        renderer.hold();

        BatchExecution first = engine(user).begin(request, new BatchListener() {});
        awaitCreated(first::items, 2);
        first.abandon(); // as a crash: nothing cancelled, nothing more written

        assertThat(BatchEngine.unfinished(out))
                .contains(BatchManifest.StoredRequest.of(request).request());
        BatchEstimate again = engine(user).estimate(request);
        assertThat(again.items()).isEqualTo(6);
        assertThat(again.toPay()).as("the two created items are paid for").isEqualTo(4);
        assertThat(again.credits()).isEqualTo(16);

        renderer.release();
        RecordingApi recording = new RecordingApi(user);
        BatchOutcome outcome = engine(recording.api()).start(request, null).await();

        assertThat(outcome.progress().completed()).isEqualTo(6);
        assertThat(outcome.allDone()).isTrue();
        assertThat(recording.creates)
                .as("only the four never sent are created now")
                .hasSize(4);
        assertThat(debits(user)).hasSize(6);
        assertThat(user.me().credits()).isEqualTo(60 - 6 * 4);
        assertThat(csv(outcome.csvReport()))
                .hasSize(6)
                .allSatisfy(r -> assertThat(out.resolve(r.output)).isRegularFile());
        assertThat(BatchEngine.unfinished(out)).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsSentAgainWithTheSameKeyAndNotChargedTwice() throws Exception {
        Path in = input("one.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(20);
        CompanionApi losing = answerLostOnFirstCreate(user);
        BatchRequest request = BatchRequest.of(in, out, List.of("snow-princess"));
        BatchTuning noRetry = new BatchTuning(
                FAST.pollEvery(), FAST.networkBackoff(), 0, FAST.busyWait(), 1, FAST.watchEvery(), FAST.settle());

        BatchOutcome first = new BatchEngine(losing, new PhotoCheck(UiThreadGuard.NONE), new PhotoPreparer(), noRetry)
                .start(request, null)
                .await();

        assertThat(first.failure().kind()).isEqualTo(BatchFailure.Kind.SERVER_UNREACHABLE);
        assertThat(first.progress().failed()).isZero();
        assertThat(first.allDone()).isFalse();
        assertThat(csv(first.csvReport()).get(0).error).startsWith("Stopped while the server had it");
        assertThat(engine(user).estimate(request).toPay())
                .as("the create may have reached the server: not counted again")
                .isZero();

        RecordingApi recording = new RecordingApi(user);
        BatchOutcome second = engine(recording.api()).start(request, null).await();

        assertThat(second.allDone()).isTrue();
        assertThat(debits(user)).hasSize(1);
        assertThat(user.me().credits()).isEqualTo(16);
        assertThat(recording.keys())
                .containsExactly(BatchKeys.idempotencyKey(
                        batchId(out), "one.jpg", BatchKeys.contentHash(in.resolve("one.jpg")), "snow-princess", 1));
    }

    @Test
    void aServerGoneMidBatchOrCredentialsRefusedEndTheRunWithEveryItemLeftResumable() throws Exception {
        Path in = input("g0.jpg", "g1.jpg", "g2.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(40);
        BatchRequest request =
                BatchRequest.of(in, out, List.of("snow-princess")).withConcurrency(1);
        AtomicInteger cancels = new AtomicInteger();
        CompanionApi vanishing = failingAfterFirstDownload(
                user, () -> new java.net.ConnectException("Connection refused"), cancels, new AtomicInteger());
        BatchEngine engine = engine(vanishing);

        long started = System.nanoTime();
        BatchOutcome gone = engine.start(request, null).await();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(gone.failure().kind()).isEqualTo(BatchFailure.Kind.SERVER_UNREACHABLE);
        assertThat(gone.failure().message()).contains("could not be reached");
        assertThat(gone.allDone()).isFalse();
        assertThat(gone.progress().completed()).isEqualTo(1);
        assertThat(gone.progress().failed()).isZero();
        assertThat(cancels).hasValue(0);
        assertThat(BatchEngine.unfinished(out)).isPresent();

        AtomicInteger refusals = new AtomicInteger();
        CompanionApi refusing = failingAfterFirstDownload(
                user,
                () -> new CompanionApiException(401, "unauthorized", "The API key is not valid."),
                cancels,
                refusals);
        write(in.resolve("g3.jpg"), jpeg(440, 500));
        Path out2 = dir.resolve("out2");
        BatchOutcome refused = engine(refusing)
                .start(BatchRequest.of(in, out2, List.of("snow-princess")).withConcurrency(1), null)
                .await();

        assertThat(refused.failure().kind()).isEqualTo(BatchFailure.Kind.CREDENTIALS_REFUSED);
        assertThat(refused.progress().failed()).isZero();
        assertThat(refused.progress().completed()).isEqualTo(1);
        assertThat(refusals).as("the first refusal ends the run").hasValue(1);

        BatchOutcome finished = engine(user).start(request, null).await();
        assertThat(finished.allDone()).isTrue();
        assertThat(finished.failure()).isNull();
        assertThat(csv(finished.csvReport()))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.status).isEqualTo("completed"));
    }

    @Test
    void aServerGoneWhileGenerationsRunEndsTheRunPromptlyAndTheRerunCollectsThem() throws Exception {
        Path in = input("w0.jpg", "w1.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(20);
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger cancels = new AtomicInteger();
        CompanionApi flaky = ForwardingApi.around(user, (method, args, call) -> {
            if (method.getName().equals("cancel")) {
                cancels.incrementAndGet();
            }
            if (down.get() && Arrays.asList(method.getExceptionTypes()).contains(IOException.class)) {
                throw new java.net.ConnectException("Connection refused");
            }
            return call.proceed();
        });
        BatchRequest request = BatchRequest.of(in, out, List.of("snow-princess"));
        renderer.hold();
        BatchRun run = engine(flaky).start(request, null);
        awaitCreated(run::items, 2);

        down.set(true);
        long cut = System.nanoTime();
        BatchOutcome outcome = run.await();

        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome.failure().kind()).isEqualTo(BatchFailure.Kind.SERVER_UNREACHABLE);
        assertThat(outcome.progress().failed()).isZero();
        assertThat(cancels).hasValue(0);
        assertThat(engine(user).estimate(request).toPay())
                .as("both are paid for")
                .isZero();

        renderer.release();
        BatchOutcome rerun = engine(user).start(request, null).await();
        assertThat(rerun.allDone()).isTrue();
        assertThat(debits(user)).hasSize(2);
    }

    @Test
    void stopCancelsWhatTheServerIsWorkingOnAndTheServerRefundsIt() throws Exception {
        Path in = input("s0.jpg", "s1.jpg", "s2.jpg", "s3.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(50);
        renderer.hold();
        BatchRun run = engine(user)
                .start(BatchRequest.of(in, out, List.of("snow-princess")).withConcurrency(2), null);
        awaitCreated(run::items, 2);

        assertThatThrownBy(() -> engine(user).start(BatchRequest.of(in, out, List.of("snow-princess")), null))
                .isInstanceOf(BatchRequestException.class)
                .hasMessageContaining("Another batch run is using the output folder");
        run.stop();
        BatchOutcome outcome = run.await();

        assertThat(outcome.progress().state()).isEqualTo(BatchState.STOPPED);
        assertThat(outcome.progress().canceled()).isEqualTo(4);
        assertThat(outcome.allDone()).isFalse();
        List<Row> rows = csv(outcome.csvReport());
        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.status).isEqualTo("canceled");
            assertThat(r.credits).isZero();
        });
        assertThat(rows)
                .filteredOn(r -> r.error.equals("Stopped before it was sent"))
                .hasSize(2);
        await().atMost(PATIENCE).until(() -> user.me().credits() == 50);
        assertThat(ledgerKinds(user))
                .filteredOn(kind -> kind != LedgerKind.GRANT)
                .containsExactlyInAnyOrder(LedgerKind.DEBIT, LedgerKind.DEBIT, LedgerKind.REFUND, LedgerKind.REFUND);
        assertThat(BatchEngine.unfinished(out))
                .as("the two never sent are left for a rerun")
                .isPresent();
    }

    @Test
    void theCreditCapPausesTheBatchAndResumingWithoutRoomStaysPaused() throws Exception {
        Path in = input("c0.jpg", "c1.jpg", "c2.jpg");
        CompanionApi user = signedIn(50);
        BatchRun run = engine(user)
                .start(
                        BatchRequest.of(in, dir.resolve("out"), List.of("snow-princess"))
                                .withConcurrency(1)
                                .withMaxCredits(8L),
                        null);

        await().atMost(PATIENCE).until(() -> run.progress().state() == BatchState.PAUSED);
        assertThat(run.progress().pauseReason()).contains("credit cap of 8");
        await().atMost(PATIENCE).until(() -> run.progress().completed() == 2);
        run.resume();
        assertThat(run.progress().state()).isEqualTo(BatchState.PAUSED);
        run.stop();
        BatchOutcome outcome = run.await();

        assertThat(outcome.progress().completed()).isEqualTo(2);
        assertThat(outcome.progress().canceled()).isEqualTo(1);
        assertThat(debits(user)).hasSize(2);
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAndTheSameCreateSentAgain() throws Exception {
        Path in = input("one.jpg");
        CompanionApi user = signedIn(20);
        RecordingApi recording = new RecordingApi(
                user, new CompanionApiException(429, "too_many_requests", "Slow down.", Duration.ofSeconds(1)));

        BatchOutcome outcome = engine(recording.api())
                .start(BatchRequest.of(in, dir.resolve("out"), List.of("snow-princess")), null)
                .await();

        assertThat(outcome.allDone()).isTrue();
        List<RecordingApi.Create> creates = new ArrayList<>(recording.creates);
        assertThat(creates).hasSize(2);
        assertThat(creates.get(1).key()).isEqualTo(creates.get(0).key());
        assertThat(creates.get(1).body()).isEqualTo(creates.get(0).body());
        assertThat(creates.get(0).body().prompt()).isNull();
        assertThat(Duration.ofNanos(creates.get(1).atNanos() - creates.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(debits(user)).hasSize(1);
    }

    @Test
    void aFileAlreadyInTheOutputIsKeptUnlessOverwriteIsAsked() throws Exception {
        Path in = input("one.jpg");
        CompanionApi user = signedIn(20);
        Path kept = dir.resolve("kept");
        Path replaced = dir.resolve("replaced");
        for (Path out : List.of(kept, replaced)) {
            for (String ext : List.of("jpg", "png", "webp")) {
                write(out.resolve("one-snow-princess." + ext), "mine".getBytes(StandardCharsets.UTF_8));
            }
        }
        BatchEngine engine = engine(user);

        BatchOutcome keeping = engine.start(BatchRequest.of(in, kept, List.of("snow-princess")), null)
                .await();
        BatchOutcome overwriting = engine.start(
                        BatchRequest.of(in, replaced, List.of("snow-princess")).withOverwrite(true), null)
                .await();

        String keptName = csv(keeping.csvReport()).get(0).output;
        assertThat(keptName).matches("one-snow-princess-2\\.(jpg|png|webp)");
        assertThat(Files.size(kept.resolve(keptName))).isGreaterThan(4);
        try (var files = Files.list(kept)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("one-snow-princess.")))
                    .hasSize(3)
                    .allSatisfy(f -> assertThat(f).hasContent("mine"));
        }
        String replacedName = csv(overwriting.csvReport()).get(0).output;
        assertThat(replacedName).matches("one-snow-princess\\.(jpg|png|webp)");
        assertThat(Files.size(replaced.resolve(replacedName))).isGreaterThan(4);
    }

    @Test
    void aFailedItemIsRefundedAndTheNextRunTriesItAgainUnderANewKey() throws Exception {
        Path in = input("one.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(20);
        BatchRequest request = BatchRequest.of(in, out, List.of("snow-princess"));
        renderer.failNext(1);
        RecordingApi firstApi = new RecordingApi(user);

        BatchOutcome first = engine(firstApi.api()).start(request, null).await();

        assertThat(first.progress().failed()).isEqualTo(1);
        Row failed = csv(first.csvReport()).get(0);
        assertThat(failed.status).isEqualTo("failed");
        assertThat(failed.credits).as("refunded").isZero();
        assertThat(failed.error).isEqualTo("The provider's safety filter rejected this photo.");
        await().atMost(PATIENCE).until(() -> user.me().credits() == 20);
        assertThat(engine(user).estimate(request).toPay()).isEqualTo(1);

        renderer.release();
        RecordingApi secondApi = new RecordingApi(user);
        BatchOutcome second = engine(secondApi.api()).start(request, null).await();

        assertThat(second.allDone()).isTrue();
        assertThat(secondApi.keys()).doesNotContainAnyElementsOf(firstApi.keys());
        assertThat(user.me().credits()).isEqualTo(16);
        assertThat(ledgerKinds(user))
                .filteredOn(kind -> kind != LedgerKind.GRANT)
                .containsExactlyInAnyOrder(LedgerKind.DEBIT, LedgerKind.REFUND, LedgerKind.DEBIT);
    }

    @Test
    void anOutputFolderHoldsOneBatchAndARowNotTriedAgainKeepsItsStatus() throws Exception {
        Path in = input("one.jpg", "two.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(20);
        BatchEngine engine = engine(user);
        BatchRequest request =
                BatchRequest.of(in, out, List.of("snow-princess")).withConcurrency(1);
        renderer.failNext(1);
        BatchOutcome first = engine.start(request, null).await();
        assertThat(first.progress().failed()).isEqualTo(1);
        Row failed = csv(first.csvReport()).stream()
                .filter(r -> r.status.equals("failed"))
                .findFirst()
                .orElseThrow();
        Files.delete(in.resolve(failed.file));

        BatchOutcome second = engine.start(request.withConcurrency(2).withMaxCredits(40L), null)
                .await();

        assertThat(row(csv(second.csvReport()), failed.file, "snow-princess"))
                .as("its file is gone, so it is not tried again and keeps its row")
                .isEqualTo(failed);
        Path other = dir.resolve("other");
        write(other.resolve("x.jpg"), jpeg(420, 500));
        for (BatchRequest mixing : List.of(
                BatchRequest.of(other, out, List.of("snow-princess")),
                request.withRecursive(true),
                BatchRequest.of(in, out, TWO),
                request.withNameTemplate("{name}-{preset}.{ext}"))) {
            assertThatThrownBy(() -> engine.estimate(mixing))
                    .isInstanceOf(BatchRequestException.class)
                    .hasMessageContaining("The output folder " + out.toRealPath() + " holds a batch of "
                            + in.toRealPath() + " with presets snow-princess. ")
                    .hasMessageContaining("Run that command again to finish it, or choose another output folder.");
            assertThatThrownBy(() -> engine.start(mixing, null)).isInstanceOf(BatchRequestException.class);
        }
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        assertThat(engine.estimate(BatchRequest.of(link, out, List.of("snow-princess"))
                                .withOverwrite(true))
                        .files())
                .as("the same folder through a link is the same batch")
                .isEqualTo(1);
    }

    @Test
    void aResultDeletedFromTheOutputIsDownloadedAgainByTheNextRunWithoutPayingAgain() throws Exception {
        Path in = input("one.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(20);
        BatchRequest request = BatchRequest.of(in, out, List.of("snow-princess"));
        BatchOutcome first = engine(user).start(request, null).await();
        Path result = out.resolve(csv(first.csvReport()).get(0).output);
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var folder = Files.getPosixFilePermissions(out);
            for (Path written : List.of(result, first.csvReport(), first.jsonReport())) {
                assertThat(Files.getPosixFilePermissions(written))
                        .as("%s is readable by whoever may read the folder", written.getFileName())
                        .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ)
                        .containsAll(folder.stream()
                                .filter(p -> p == java.nio.file.attribute.PosixFilePermission.GROUP_READ
                                        || p == java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                                .toList());
            }
        }
        Files.delete(result);

        BatchOutcome second = engine(user).start(request, null).await();

        assertThat(second.allDone()).isTrue();
        assertThat(result).isRegularFile();
        assertThat(debits(user)).hasSize(1);

        Files.delete(result);
        CompanionApi forgetful = ForwardingApi.around(user, (method, args, call) -> {
            if (method.getName().equals("generation") || method.getName().equals("download")) {
                throw new CompanionApiException(404, "not_found", "No such generation.");
            }
            return call.proceed();
        });
        BatchOutcome third = engine(forgetful).start(request, null).await();

        assertThat(third.progress().failed()).isEqualTo(1);
        assertThat(csv(third.csvReport()).get(0).error).contains("server no longer has this result");
        assertThat(debits(user)).hasSize(1);
        assertThat(user.me().credits()).isEqualTo(16);
    }

    @Test
    void clashingNamesAreNumberedTheSameWayOnEveryRun() throws Exception {
        Path in = input("a.jpg", "b/a.jpg");
        CompanionApi user = signedIn(40);
        java.util.Map<String, String> firstNames = null;
        for (String folder : List.of("out1", "out2")) {
            BatchOutcome outcome = engine(user)
                    .start(
                            BatchRequest.of(in, dir.resolve(folder), TWO)
                                    .withRecursive(true)
                                    .withNameTemplate("{name}.{ext}")
                                    .withConcurrency(4),
                            null)
                    .await();
            java.util.Map<String, String> names = new java.util.TreeMap<>();
            csv(outcome.csvReport()).forEach(r -> names.put(r.file + " " + r.preset, r.output));
            assertThat(new HashSet<>(names.values())).hasSize(4);
            assertThat(names)
                    .as("reserved in sorted order: a.jpg first, then each preset in the request's order")
                    .containsEntry("a.jpg snow-princess", "a.jpg")
                    .containsEntry("a.jpg cyberpunk", "a-2.jpg")
                    .containsEntry("b/a.jpg snow-princess", "a-3.jpg")
                    .containsEntry("b/a.jpg cyberpunk", "a-4.jpg");
            if (firstNames != null) {
                assertThat(names).isEqualTo(firstNames);
            }
            firstNames = names;
        }
    }

    @Test
    void aBalanceShortMidRunPausesTheBatchUntilResumed() throws Exception {
        Path in = input("one.jpg");
        CompanionApi user = signedIn(20);
        RecordingApi recording = new RecordingApi(
                user,
                new CompanionApiException(402, "insufficient_credits", "This preset costs 4 credits and you have 0."));
        BatchRun run =
                engine(recording.api()).start(BatchRequest.of(in, dir.resolve("out"), List.of("snow-princess")), null);

        await().atMost(PATIENCE).until(() -> run.progress().state() == BatchState.PAUSED);
        assertThat(run.progress().pauseReason())
                .isEqualTo("Not enough credits: This preset costs 4 credits and you have 0.");
        assertThat(run.items())
                .singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(ItemStatus.PENDING));
        run.resume();
        BatchOutcome outcome = run.await();

        assertThat(outcome.allDone()).isTrue();
        assertThat(debits(user)).hasSize(1);
    }

    @Test
    void watchModeTakesNewFilesOnceTheyStopGrowingAndStopEndsIt() throws Exception {
        Path in = input("first.jpg");
        Path out = dir.resolve("out");
        CompanionApi user = signedIn(30);
        BatchRun run = engine(user)
                .start(BatchRequest.of(in, out, List.of("snow-princess")).withWatch(true), null);
        await().atMost(PATIENCE).until(() -> run.progress().state() == BatchState.WATCHING);
        assertThat(csv(out.resolve(BatchReports.CSV))).hasSize(1);

        write(in.resolve("later.jpg"), jpeg(410, 500));
        await().atMost(PATIENCE)
                .until(() -> run.progress().completed() == 2 && run.progress().state() == BatchState.WATCHING);
        run.stop();
        BatchOutcome outcome = run.await();

        assertThat(outcome.progress().state()).isEqualTo(BatchState.STOPPED);
        assertThat(csv(outcome.csvReport()))
                .extracting(r -> r.file + " " + r.status)
                .containsExactly("first.jpg completed", "later.jpg completed");
        assertThat(debits(user)).hasSize(2);
    }

    @Test
    void aWatchRunStoppedWhileTheServerAsksToWaitSaysTheItemWasNeverSent() throws Exception {
        Path in = input("one.jpg");
        CompanionApi user = signedIn(20);
        RecordingApi recording = new RecordingApi(
                user, new CompanionApiException(429, "too_many_requests", "Slow down.", Duration.ofSeconds(60)));
        BatchRun run = engine(recording.api())
                .start(
                        BatchRequest.of(in, dir.resolve("out"), List.of("snow-princess"))
                                .withWatch(true),
                        null);
        await().atMost(PATIENCE).until(() -> recording.creates.size() == 1);

        run.stop();
        BatchOutcome outcome = run.await();

        Row row = csv(outcome.csvReport()).get(0);
        assertThat(row.status).isEqualTo("canceled");
        assertThat(row.error).isEqualTo("Stopped before it was sent");
        assertThat(row.credits).isZero();
        assertThat(debits(user)).isEmpty();
    }

    @Test
    void requestsThatCannotRunAreRefusedBeforeAnythingIsSpent() throws Exception {
        Path in = input("one.jpg", "two.jpg");
        Path out = dir.resolve("out");
        CompanionApi poor = signedIn(5);
        BatchEngine engine = engine(poor);
        BatchRequest request = BatchRequest.of(in, out, List.of("snow-princess"));

        for (String template : List.of("../{name}.{ext}", "/tmp/{name}.{ext}", "{path}/../../{name}.{ext}")) {
            assertThatThrownBy(() -> engine.estimate(request.withNameTemplate(template)))
                    .isInstanceOf(BatchRequestException.class)
                    .hasMessageContaining("outside the output folder");
        }
        assertThatThrownBy(() -> engine.estimate(request.withNameTemplate("{name}-{style}.{ext}")))
                .isInstanceOf(BatchRequestException.class)
                .hasMessageContaining("{style}");
        assertThatThrownBy(() -> engine.estimate(BatchRequest.of(in, out, List.of("snow-princes"))))
                .isInstanceOfSatisfying(UnknownPresetException.class, e -> {
                    assertThat(e.getMessage()).contains("snow-princes").contains("snow-princess, red-carpet");
                    assertThat(e.known()).contains("cyberpunk");
                });
        assertThatThrownBy(() -> engine.start(request, null))
                .isInstanceOfSatisfying(NotEnoughCreditsException.class, e -> {
                    assertThat(e.estimate().credits()).isEqualTo(8);
                    assertThat(e.estimate().balance()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("8 credits").contains("balance is 5");
                });
        assertThat(out).doesNotExist();
        assertThat(ledgerKinds(poor)).doesNotContain(LedgerKind.DEBIT);
    }

    // --- helpers

    /** {@code dir/in} with a distinct JPEG at each of {@code names}, each 10 px wider than the one before. */
    private Path input(String... names) throws IOException {
        Path in = dir.resolve("in");
        for (int i = 0; i < names.length; i++) {
            write(in.resolve(names[i]), jpeg(400 + i * 10, 500));
        }
        return in;
    }

    /** Waits until {@code created} items of the run have been created on the server. */
    private static void awaitCreated(java.util.function.Supplier<List<BatchItem>> items, int created) {
        await().atMost(PATIENCE)
                .until(() -> items.get().stream()
                                .filter(i -> i.generationId() != null)
                                .count()
                        == created);
    }

    private static BatchEngine engine(CompanionApi api) {
        return new BatchEngine(api, new PhotoCheck(UiThreadGuard.NONE), new PhotoPreparer(), FAST);
    }

    /** A new user holding {@code credits}. */
    private static CompanionApi signedIn(int credits) throws IOException {
        CompanionApi anonymous =
                clients.forServer(ServerUrl.parse(server.baseUrl()).orElseThrow());
        AuthResponse auth = anonymous.register(
                new RegisterRequest("batch-" + UUID.randomUUID() + "@pixfino.test", "Sunset-Lake-42", "Batch"));
        int top = credits - auth.user().credits();
        if (top > 0) {
            server.services().ledger().apply(auth.user().id(), top, LedgerKind.GRANT, "test credits", null);
        }
        return anonymous.withToken(auth.token());
    }

    private static List<LedgerKind> ledgerKinds(CompanionApi user) throws IOException {
        return user.ledger(null, 200).items().stream()
                .map(LedgerEntryView::kind)
                .toList();
    }

    private static List<LedgerEntryView> debits(CompanionApi user) throws IOException {
        return user.ledger(null, 200).items().stream()
                .filter(e -> e.kind() == LedgerKind.DEBIT)
                .toList();
    }

    private static CompanionApi answerLostOnFirstCreate(CompanionApi real) {
        AtomicInteger creates = new AtomicInteger();
        return ForwardingApi.around(real, (method, args, call) -> {
            Object answer = call.proceed();
            if (method.getName().equals("createGeneration") && creates.incrementAndGet() == 1) {
                throw new SocketTimeoutException("timeout"); // it reached the server; its answer did not
            }
            return answer;
        });
    }

    /**
     * The real client until its first download is done; from then on every call that can fail fails with {@code
     * failure} (cancels and failures are counted).
     */
    private static CompanionApi failingAfterFirstDownload(
            CompanionApi real,
            java.util.function.Supplier<IOException> failure,
            AtomicInteger cancels,
            AtomicInteger failures) {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        return ForwardingApi.around(real, (method, args, call) -> {
            switch (method.getName()) {
                case "cancel" -> cancels.incrementAndGet();
                default -> {}
            }
            boolean canFail = Arrays.asList(method.getExceptionTypes()).contains(IOException.class);
            if (broken.get() && canFail && !method.getName().equals("me")) {
                failures.incrementAndGet();
                throw failure.get();
            }
            Object answer = call.proceed();
            if (method.getName().equals("download")) {
                broken.set(true);
            }
            return answer;
        });
    }

    private static UUID batchId(Path out) throws IOException {
        try (BatchManifest manifest = BatchManifest.open(out)) {
            return manifest.batchId();
        }
    }

    /** A report row as read back from the CSV. */
    private record Row(
            String file, String preset, String status, int credits, String output, String generationId, String error) {}

    private static List<Row> csv(Path report) throws IOException {
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).isEqualTo("file,preset,status,credits,output,generation_id,error");
        List<Row> rows = new ArrayList<>();
        try (var it = mapper.readerFor(String[].class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .<String[]>readValues(report.toFile())) {
            it.next(); // header
            while (it.hasNext()) {
                String[] f = it.next();
                rows.add(new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], f[5], f.length > 6 ? f[6] : ""));
            }
        }
        return rows;
    }

    private static Row row(List<Row> rows, String file, String preset) {
        return rows.stream()
                .filter(r -> r.file.equals(file) && r.preset.equals(preset))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    private static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = TestPhotos.portrait(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, SHADE.incrementAndGet()); // every photo's bytes differ unless copied on purpose
        return PhotoFiles.encode(image, format);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
