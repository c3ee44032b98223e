package com.pixfino.server.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ChildProcess;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.FakeStripeMain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end in separate processes: the packaged server jar, configured only by environment variables, with Stripe
 * pointing at {@link FakeStripeMain} in its own JVM. A pack and a plan are bought through the API, the fake "pays"
 * and posts its signed events to the jar's webhook, and the balance, tier and subscription follow.
 */
class BillingJarIT {

    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<ChildProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (ChildProcess process : processes) {
            process.close();
        }
    }

    @Test
    void aPackAndAPlanBoughtOnTheJarAreFulfilledByTheFakeStripesSignedEvents() throws Exception {
        Path dir = TestDatabases.TestDirs.fresh("billing-jar");
        Files.createDirectories(dir);
        int port = ChildProcess.freePort();
        String base = "http://127.0.0.1:" + port;

        Path portFile = dir.resolve("stripe.port");
        ChildProcess stripe = started(ChildProcess.main(
                FakeStripeMain.class, dir.resolve("stripe.log"), portFile.toString(), base + ApiPaths.BILLING_WEBHOOK));
        await("the fake Stripe to listen").atMost(Duration.ofMinutes(1)).until(() -> {
            stripe.assertAlive();
            return Files.exists(portFile);
        });
        String stripeBase = "http://127.0.0.1:" + Files.readString(portFile).trim();

        ServerConfig.DatabaseSettings database = TestDatabases.freshDatabase();
        ChildProcess server = started(ChildProcess.serverJar(
                dir.resolve("server.log"),
                Map.of(
                        "PIXFINO_PORT",
                        Integer.toString(port),
                        "PIXFINO_DATA_DIR",
                        dir.resolve("data").toString(),
                        "PIXFINO_DB_URL",
                        database.url(),
                        "PIXFINO_DB_USER",
                        database.user(),
                        "STRIPE_SECRET_KEY",
                        FakeStripe.SECRET_KEY,
                        "STRIPE_WEBHOOK_SECRET",
                        FakeStripe.WEBHOOK_SECRET,
                        "STRIPE_PRICE_STARTER",
                        FakeStripe.PRICE_STARTER,
                        "STRIPE_API_BASE",
                        stripeBase)));
        server.awaitHealthy(base, START_WAIT);
        ApiClient anonymous = new ApiClient(base);

        ApiClient user = anonymous.registerNew();
        TestDatabases.verifyEmail(database, Studio.userId(user));
        assertThat(user.get(ApiPaths.ME).as(UserView.class).lowBalance()).isTrue();
        String pack = checkout(user, "pack-50");
        complete(stripeBase, pack);
        await("the pack's credits").atMost(WAIT).until(() -> Studio.credits(user) == 55);
        assertThat(user.get(ApiPaths.ME).as(UserView.class).lowBalance()).isFalse();

        String plan = checkout(user, "starter");
        complete(stripeBase, plan);
        await("the plan")
                .atMost(WAIT)
                .until(() -> user.get(ApiPaths.ME).as(UserView.class).tier() == Tier.STARTER);
        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.credits()).isEqualTo(95);
        assertThat(me.subscription().plan()).isEqualTo("starter");
        assertThat(user.post(ApiPaths.BILLING_PORTAL, Map.of()).status()).isEqualTo(201);
        assertThat(server.log()).doesNotContain(FakeStripe.SECRET_KEY).doesNotContain(FakeStripe.WEBHOOK_SECRET);
    }

    private static String checkout(ApiClient user, String item) {
        ApiClient.Answer answer = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", item));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CheckoutView.class).sessionId();
    }

    /** The buyer pays: the fake marks the session paid and posts Stripe's signed events to the jar. */
    private static void complete(String stripeBase, String session) throws Exception {
        HttpResponse<String> paid = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stripeBase + "/_fake/checkout/" + session + "/complete"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(204);
    }

    private ChildProcess started(ChildProcess process) {
        processes.add(process);
        return process;
    }
}
