package com.pixfino.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a stopping server (SIGTERM, a blue-green switch) does with the work it has in hand. */
class GracefulStopTest {

    @Test
    void aRequestInFlightWhenTheStopBeginsIsAnswered() throws Exception {
        TestServer server = TestServer.start();
        int port = server.app().port();
        String body = "{\"email\":\"late-" + System.nanoTime()
                + "@example.com\",\"password\":\"correct-Horse-7\",\"name\":\"Late\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10); // the handler now waits for the rest of the body
            out.flush();
            awaitHandling(server);
            CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);
            // the stop has begun once the server takes no new connection
            await().atMost(Duration.ofSeconds(5)).until(() -> !accepts(port));
            assertThat(stop).isNotDone();

            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 201 Created");
            stop.get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void eventStreamsEndWithARetryHintSoClientsReconnectElsewhere() throws Exception {
        TestServer server = TestServer.start();
        ApiClient user = server.client().registerNew();
        List<String> lines = new ArrayList<>();
        try (EventsStream events = EventsStream.open(user)) {
            assertThat(events.response().code()).isEqualTo(200);
            assertThat(events.readLine()).isEqualTo(": connected");
            long started = System.nanoTime();
            CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                lines.add(line);
            }
            stop.get(15, TimeUnit.SECONDS);
            // the graceful stop did not wait its whole timeout (10 s here) for a stream that never ends by itself
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
        assertThat(lines).contains("retry: " + ServerApp.RECONNECT_AFTER.toMillis());
    }

    @Test
    void aGenerationRunningOnAStoppingServerIsFinishedByTheOther() throws Exception {
        ServerConfig.DatabaseSettings db = TestDatabases.freshDatabase();
        ServerConfig first = TestServer.config(TestDatabases.TestDirs.fresh("stop-a"), Optional.of(db))
                .withStopTimeout(Duration.ofSeconds(1));
        ServerConfig second = TestServer.config(TestDatabases.TestDirs.fresh("stop-b"), Optional.of(db))
                .withDataDir(first.dataDir());
        SlowProvider slow = new SlowProvider();
        TestServer a = TestServer.start(first, List.of(slow));
        String id;
        ApiClient viaA;
        try {
            Studio studio = new Studio(a);
            viaA = studio.userWithCredits(10);
            id = Studio.generate(viaA, studio.presetId("linkedin-headshot"), "a portrait");
            assertThat(slow.polling.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            a.close(); // the step is still polling: after the stop timeout it is interrupted and handed back
        }
        await().atMost(Duration.ofSeconds(5)).untilTrue(slow.interrupted);
        try (TestServer b = TestServer.start(second, List.of(new DoneProvider()))) {
            ApiClient viaB = b.client().withToken(viaA.token());
            GenerationView done = Studio.awaitFinal(viaB, id, Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(Studio.credits(viaB)).isEqualTo(10 - done.creditsCharged());
        }
    }

    /** Waits until the server is working on a request (Jetty's statistics count it in flight). */
    private static void awaitHandling(TestServer server) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.app().activeRequests() > 0);
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stands in for the presets' "replicate": a submit is accepted at once; each test writes the poll. */
    private abstract static class StandInReplicate extends StubProvider {
        StandInReplicate() {
            super("replicate");
        }

        @Override
        public String submit(ProviderRequest request) {
            return "job-" + request.generationId();
        }
    }

    /** The presets' "replicate", whose poll renders for a long time: long enough for a stop to cut it. */
    private static final class SlowProvider extends StandInReplicate {
        final CountDownLatch polling = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            polling.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
            return new ProviderPoll.Running(null);
        }
    }

    /** The other server's "replicate": the job it took over is done. */
    private static final class DoneProvider extends StandInReplicate {

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            return new ProviderPoll.Succeeded(
                    List.of(ProviderPoll.Output.of("image/jpeg", TestImages.jpeg(200, 250))), BigDecimal.ZERO);
        }
    }
}
