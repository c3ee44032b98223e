package com.pixfino.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookDeliveryView;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outgoing webhooks against local receivers: signed, retried with one webhook-id, never blocking jobs, no SSRF. */
class WebhooksApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    /** A receiver that answers the scripted statuses in turn (the last one from then on) and records each request. */
    record Received(String id, String timestamp, String signature, String body) {}

    static final class Receiver implements AutoCloseable {
        final HttpServer http;
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<Integer> script;
        final CountDownLatch hang = new CountDownLatch(1);
        final boolean neverAnswers;

        Receiver(boolean neverAnswers, Integer... statuses) throws IOException {
            this.neverAnswers = neverAnswers;
            this.script = new ConcurrentLinkedQueue<>(List.of(statuses));
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newCachedThreadPool());
            http.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body));
                if (this.neverAnswers) {
                    try {
                        hang.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Integer status = script.size() > 1 ? script.poll() : script.peek();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            hang.countDown();
            http.stop(0);
        }
    }

    @BeforeAll
    static void start() {
        // retries at 0.5 s and 1 s after the first try, 2 s per attempt, an endpoint disabled after 3 failed events
        WebhookSettings webhooks = new WebhookSettings(
                true,
                List.of(Duration.ofMillis(500), Duration.ofMillis(1000)),
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(200));
        server = TestServer.start(
                TestServer.freshConfig("webhooks").withWebhooks(webhooks), List.of(new ScriptedProvider("replicate")));
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CreatedWebhook add(ApiClient user, String url) {
        Answer answer = user.post(ApiPaths.WEBHOOKS, Map.of("url", url, "events", List.of("generation.completed")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CreatedWebhook.class);
    }

    /** The Standard Webhooks scheme, written here from its description, not with the server's code. */
    private static String expectedSignature(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventThreeTimesWithOneSignedWebhookId() throws Exception {
        try (Receiver receiver = new Receiver(false, 500, 500, 200)) {
            ApiClient user = studio.userWithCredits(20);
            CreatedWebhook hook = add(user, receiver.url());
            assertThat(hook.secret()).startsWith("whsec_");
            assertThat(user.get(ApiPaths.WEBHOOKS).body()).doesNotContain(hook.secret());

            String id = Studio.generate(user, preset, "for the webhook");
            assertThat(Studio.awaitFinal(user, id, WAIT).status()).isEqualTo(GenerationStatus.COMPLETED);

            await().atMost(WAIT).until(() -> receiver.received.size() >= 3);
            List<Received> got = List.copyOf(receiver.received);
            assertThat(got).hasSize(3);
            assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
            for (Received r : got) {
                assertThat(r.signature()).isEqualTo(expectedSignature(hook.secret(), r));
                assertThat(Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000))
                        .isLessThan(60);
            }
            JsonNode body = JSON.readTree(got.get(0).body());
            assertThat(body.path("type").asText()).isEqualTo("generation.completed");
            assertThat(body.path("timestamp").asText()).isNotEmpty();
            assertThat(body.path("data").path("id").asText()).isEqualTo(id);
            assertThat(body.path("data").path("status").asText()).isEqualTo("COMPLETED");

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(user.get(ApiClient.path(ApiPaths.WEBHOOK_DELIVERIES, hook.id()))
                                    .as(WebhookDeliveryList.class)
                                    .items())
                            .extracting(WebhookDeliveryView::attempt, WebhookDeliveryView::statusCode)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(3, 200),
                                    org.assertj.core.groups.Tuple.tuple(2, 500),
                                    org.assertj.core.groups.Tuple.tuple(1, 500)));

            Answer ping = user.post(ApiClient.path(ApiPaths.WEBHOOK_TEST, hook.id()), Map.of());
            assertThat(ping.status()).isEqualTo(202);
            await().atMost(WAIT).until(() -> receiver.received.size() >= 4);
            Received pinged = receiver.received.get(3);
            assertThat(JSON.readTree(pinged.body()).path("type").asText()).isEqualTo("ping");
            assertThat(pinged.signature()).isEqualTo(expectedSignature(hook.secret(), pinged));
            assertThat(pinged.id()).isEqualTo(ping.json().path("webhookId").asText());
        }
    }

    @Test
    void anEndpointWhoseEventsKeepFailingIsDisabledWithAReason() throws Exception {
        try (Receiver broken = new Receiver(false, 503)) {
            ApiClient user = studio.userWithCredits(40);
            CreatedWebhook hook = add(user, broken.url());
            for (int i = 0; i < 3; i++) {
                Studio.awaitFinal(user, Studio.generate(user, preset, "doomed " + i), WAIT);
            }
            await().atMost(WAIT).untilAsserted(() -> {
                var listed = user.get(ApiPaths.WEBHOOKS)
                        .as(WebhookList.class)
                        .items()
                        .get(0);
                assertThat(listed.id()).isEqualTo(hook.id());
                assertThat(listed.disabledAt()).isNotNull();
                assertThat(listed.disabledReason()).startsWith("Disabled after 3 events");
            });
            int attempts = broken.received.size();
            assertThat(attempts).as("three attempts for each of three events").isEqualTo(9);
            Studio.awaitFinal(user, Studio.generate(user, preset, "after"), WAIT);
            assertThat(user.get(ApiClient.path(ApiPaths.WEBHOOK_DELIVERIES, hook.id()))
                            .as(WebhookDeliveryList.class)
                            .items())
                    .as("a disabled endpoint gets nothing more")
                    .hasSize(9);
        }
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpJobs() throws Exception {
        try (Receiver silent = new Receiver(true, 200)) {
            ApiClient user = studio.userWithCredits(40);
            add(user, silent.url());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(Studio.generate(user, preset, "busy " + i));
            }
            for (String id : ids) {
                assertThat(Studio.awaitFinal(user, id, WAIT).status()).isEqualTo(GenerationStatus.COMPLETED);
            }
            await().atMost(WAIT).until(() -> silent.received.size() >= 4);
            // while the receiver hangs, another user's generation still finishes promptly
            ApiClient other = studio.userWithCredits(10);
            String id = Studio.generate(other, preset, "unaffected");
            assertThat(Studio.awaitFinal(other, id, Duration.ofSeconds(15)).status())
                    .isEqualTo(GenerationStatus.COMPLETED);
        }
    }

    @Test
    void ssrfTargetsAndPlainHttpAreRefusedAndKeysCannotManageWebhooks() {
        ApiClient user = server.verifiedUser();
        for (String url : List.of(
                "http://example.com/hook",
                "https://10.0.0.5/hook",
                "https://192.168.1.1/hook",
                "https://172.16.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://0.0.0.0/hook",
                "https://127.0.0.2/hook",
                "ftp://example.com/hook",
                "not a url")) {
            Answer refused = user.post(ApiPaths.WEBHOOKS, Map.of("url", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.errorCode()).as(url).isEqualTo("invalid_url");
        }
        assertThat(user.post(ApiPaths.WEBHOOKS, Map.of("url", "https://example.com/h", "events", List.of("x")))
                        .status())
                .isEqualTo(400);
        assertThat(user.get(ApiPaths.WEBHOOKS).as(WebhookList.class).items()).isEmpty();

        CreatedApiKey key = user.post(ApiPaths.API_KEYS, Map.of("name", "k", "scopes", List.of("generate")))
                .as(CreatedApiKey.class);
        Answer byKey =
                server.client().withToken(key.key()).post(ApiPaths.WEBHOOKS, Map.of("url", "https://example.com"));
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.errorCode()).isEqualTo("api_key_not_allowed");
    }

    @Test
    void ssrfIsCheckedOnEveryResolvedAddressWithoutTheLocalAllowance() {
        WebhookTargets strict = new WebhookTargets(false);
        for (String url : List.of("http://127.0.0.1:8080/h", "https://localhost/h", "https://127.0.0.1/h")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.check(url))
                    .as(url)
                    .hasMessageContaining("");
        }
    }
}
