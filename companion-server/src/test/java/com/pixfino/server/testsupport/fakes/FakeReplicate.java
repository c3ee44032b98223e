package com.pixfino.server.testsupport.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.TestImages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replicate's predictions API as documented: create (201, {@code starting}), get (starting → processing
 * with tqdm logs → succeeded with output URLs and {@code metrics.predict_time}), cancel, file upload,
 * RFC 7807 errors, 429 with Retry-After. What happens to a prediction is chosen by words in its prompt:
 * {@code refuse} (422), {@code submit5xx} (503 on create), {@code ratelimit} (one 429 first),
 * {@code fail}, {@code forever}, {@code poll5xx}, {@code malformed}, {@code hold} (processing until
 * {@link #finish}), {@code submitsilent} (the create is never answered), {@code pollstall} (created, then
 * no poll is ever answered); anything else succeeds on the third poll.
 */
public final class FakeReplicate extends FakeHttpServer {

    public static final String TOKEN = "r8_fake_token";
    public static final String WEBHOOK_SECRET = "whsec_"
            + java.util.Base64.getEncoder()
                    .encodeToString("replicate-test-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    public static final double PREDICT_TIME = 2.5;

    private final Map<String, Prediction> predictions = new ConcurrentHashMap<>();
    private final Set<String> rateLimited = ConcurrentHashMap.newKeySet();
    private final byte[] output = TestImages.encode(TestImages.picture(640, 800), "jpg");

    private static final class Prediction {
        final String id;
        final String model;
        final JsonNode input;
        final String prompt;
        final AtomicInteger polls = new AtomicInteger();
        volatile String status = "starting";
        volatile boolean released;

        Prediction(String id, String model, JsonNode input) {
            this.id = id;
            this.model = model;
            this.input = input;
            this.prompt = input.path("prompt").asText("");
        }
    }

    @Override
    protected void routes(Javalin app) {
        app.post("/v1/models/<model>/predictions", ctx -> create(ctx, ctx.pathParam("model")));
        app.post(
                "/v1/predictions",
                ctx -> create(ctx, "version:" + body(ctx).path("version").asText()));
        app.get("/v1/predictions/{id}", this::get);
        app.post("/v1/predictions/{id}/cancel", this::cancel);
        app.post("/v1/files", this::upload);
    }

    private boolean authorized(Context ctx) {
        if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
            json(ctx, 401, problem(401, "Unauthenticated", "You did not pass a valid authentication token"));
            return false;
        }
        return true;
    }

    private void create(Context ctx, String model) {
        if (!authorized(ctx)) {
            return;
        }
        JsonNode input = body(ctx).path("input");
        String prompt = input.path("prompt").asText("");
        if (prompt.contains("refuse")) {
            json(ctx, 422, problem(422, "Input validation failed", "input.input_image: Does not match format 'uri'"));
            return;
        }
        if (prompt.contains("submitsilent")) {
            neverAnswer(ctx);
            return;
        }
        if (prompt.contains("submit5xx")) {
            json(ctx, 503, problem(503, "Service Unavailable", "Replicate is temporarily overloaded"));
            return;
        }
        if (prompt.contains("ratelimit") && rateLimited.add(prompt)) {
            ctx.header("Retry-After", "1");
            json(
                    ctx,
                    429,
                    problem(429, "Request was throttled", "Request was throttled. Expected available in 1 second."));
            return;
        }
        Prediction prediction =
                new Prediction(UUID.randomUUID().toString().replace("-", "").substring(0, 26), model, input);
        predictions.put(prediction.id, prediction);
        json(ctx, 201, view(prediction));
    }

    /** The prediction the path names; null once the caller was answered 401 or 404. */
    private Prediction prediction(Context ctx) {
        if (!authorized(ctx)) {
            return null;
        }
        Prediction p = predictions.get(ctx.pathParam("id"));
        if (p == null) {
            json(ctx, 404, problem(404, "Not found", "The requested resource could not be found."));
        }
        return p;
    }

    private void get(Context ctx) {
        Prediction p = prediction(ctx);
        if (p == null) {
            return;
        }
        int poll = p.polls.incrementAndGet();
        if (p.prompt.contains("pollstall")) {
            neverAnswer(ctx);
            return;
        }
        if (p.prompt.contains("poll5xx")) {
            json(ctx, 500, problem(500, "Internal Server Error", "Something went wrong"));
            return;
        }
        if (p.prompt.contains("malformed")) {
            json(ctx, 200, "{\"id\": \"" + p.id + "\", \"status\": \"proc");
            return;
        }
        if (!isFinal(p.status)) {
            p.status = next(p, poll);
        }
        Map<String, Object> answer = view(p);
        if (p.prompt.contains("slowpoll") && !slowPolls.released()) {
            // answers what the status was when asked, after the test lets it go: a poll still under way
            slowPolls.hold();
        }
        json(ctx, 200, answer);
    }

    /** Polls of a {@code slowpoll} prediction wait here, their answer already decided, until released. */
    private final SlowPolls slowPolls = new SlowPolls();

    /** How many polls of {@code slowpoll} predictions are waiting to answer. */
    public int slowPollsWaiting() {
        return slowPolls.waiting.get();
    }

    /** Lets every waiting {@code slowpoll} answer, and later ones answer at once. */
    public void releaseSlowPolls() {
        slowPolls.release.countDown();
    }

    private static final class SlowPolls {
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        boolean released() {
            return release.getCount() == 0;
        }

        void hold() {
            waiting.incrementAndGet();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    private String next(Prediction p, int poll) {
        if (p.prompt.contains("forever") || (p.prompt.contains("hold") && !p.released)) {
            return "processing";
        }
        if (poll < 3 && !p.released) {
            return poll == 1 ? "starting" : "processing";
        }
        return p.prompt.contains("fail") ? "failed" : "succeeded";
    }

    private void cancel(Context ctx) {
        Prediction p = prediction(ctx);
        if (p == null) {
            return;
        }
        if (!isFinal(p.status)) {
            p.status = "canceled";
        }
        json(ctx, 200, view(p));
    }

    private void upload(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        var file = ctx.uploadedFile("content");
        if (file == null) {
            json(ctx, 400, problem(400, "Bad request", "content is required"));
            return;
        }
        String id = UUID.randomUUID().toString();
        json(
                ctx,
                201,
                Map.of(
                        "id",
                        id,
                        "name",
                        file.filename(),
                        "content_type",
                        file.contentType(),
                        "size",
                        file.size(),
                        "urls",
                        Map.of("get", baseUrl() + "/v1/files/" + id)));
    }

    private Map<String, Object> view(Prediction p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id);
        view.put("model", p.model);
        view.put("version", "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa");
        view.put("input", p.input);
        view.put(
                "logs",
                switch (p.status) {
                    case "processing" -> "Using seed: 42\n 50%|█████     | 14/28 [00:01<00:01, 9.50it/s]";
                    case "succeeded" -> "Using seed: 42\n100%|██████████| 28/28 [00:02<00:00, 9.80it/s]";
                    default -> "";
                });
        view.put("output", "succeeded".equals(p.status) ? List.of(host(p.id + ".jpg", output, "image/jpeg")) : null);
        view.put(
                "error",
                "failed".equals(p.status)
                        ? "NSFW content detected. Try running it again, or try a different prompt."
                        : null);
        view.put("status", p.status);
        view.put("created_at", Instant.now().toString());
        view.put(
                "urls",
                Map.of(
                        "get",
                        baseUrl() + "/v1/predictions/" + p.id,
                        "cancel",
                        baseUrl() + "/v1/predictions/" + p.id + "/cancel",
                        "web",
                        "https://replicate.com/p/" + p.id));
        view.put(
                "metrics",
                "succeeded".equals(p.status) ? Map.of("predict_time", PREDICT_TIME, "total_time", 3.1) : Map.of());
        return view;
    }

    private static boolean isFinal(String status) {
        return Set.of("succeeded", "failed", "canceled", "aborted").contains(status);
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        return Map.of(
                "type",
                "https://replicate.com/docs/reference/http#errors",
                "title",
                title,
                "status",
                status,
                "detail",
                detail);
    }

    /** The result file every successful prediction returns. */
    public byte[] output() {
        return output.clone();
    }

    /** Lets a {@code hold} prediction finish at its next poll; returns the webhook body Replicate would send then. */
    public String finish(String predictionId) {
        Prediction p = predictions.get(predictionId);
        p.released = true;
        p.status = p.prompt.contains("fail") ? "failed" : "succeeded";
        try {
            return JSON.writeValueAsString(view(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<String> predictionIds() {
        return List.copyOf(predictions.keySet());
    }

    public boolean hasPredictionFor(String promptWord) {
        return predictions.values().stream().anyMatch(p -> p.prompt.contains(promptWord));
    }

    /** The prediction as a webhook would carry it now, without moving it on. */
    public String webhookBody(String predictionId) {
        try {
            return JSON.writeValueAsString(view(predictions.get(predictionId)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String onlyPredictionFor(String promptWord) {
        return predictions.values().stream()
                .filter(p -> p.prompt.contains(promptWord))
                .map(p -> p.id)
                .findFirst()
                .orElseThrow();
    }

    public int polls(String predictionId) {
        return predictions.get(predictionId).polls.get();
    }

    /** The headers Replicate signs a webhook with, for {@code body} sent at {@code at}, under {@code secret}. */
    public static Map<String, String> signedHeaders(String body, Instant at, String secret) {
        try {
            String id = "msg_" + UUID.randomUUID();
            String timestamp = Long.toString(at.getEpochSecond());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Map.of(
                    "webhook-id",
                    id,
                    "webhook-timestamp",
                    timestamp,
                    "webhook-signature",
                    "v1,bm90LXRoaXMtb25l v1," + java.util.Base64.getEncoder().encodeToString(signature));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
