package com.pixfino.server.testsupport.fakes;

import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestVideos;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fal.ai's queue API as documented: {@code POST /{model_id}} answers the request's status, response and
 * cancel URLs under {@code /{owner}/{alias}} (the subpath rule); status goes IN_QUEUE → IN_PROGRESS →
 * COMPLETED; the result holds {@code video} or {@code images}; cancel is a PUT; 422 errors carry
 * {@code detail:[{loc,msg,type}]}. It also serves a JWKS and signs webhooks with its Ed25519 key.
 * Prompt words choose the path: {@code refuse}, {@code submit5xx}, {@code ratelimit}, {@code fail}
 * (the result answers 422), {@code forever}, {@code poll5xx}, {@code malformed}, {@code hold}, {@code nsfwimage}
 * (the images come back with {@code has_nsfw_concepts: [true]}, as a model's safety checker marks them).
 */
public final class FakeFal extends FakeHttpServer {

    public static final String KEY = "fal-key-id:fal-key-secret";
    public static final String USER_ID = "user_2fake";

    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final Set<String> rateLimited = ConcurrentHashMap.newKeySet();
    private final KeyPair signing = ed25519();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private static final class Request {
        final String id;
        final String model;
        final String prompt;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean released;
        volatile boolean canceled;

        Request(String id, String model, String prompt) {
            this.id = id;
            this.model = model;
            this.prompt = prompt;
        }
    }

    @Override
    protected void routes(Javalin app) {
        app.get("/.well-known/jwks.json", this::jwks);
        app.post("/<model>", this::submit);
        app.get("/<path>", this::read);
        app.put("/<path>", this::cancel);
    }

    private boolean authorized(Context ctx) {
        if (!("Key " + KEY).equals(ctx.header("Authorization"))) {
            json(ctx, 401, Map.of("detail", "Authentication is required to perform this action"));
            return false;
        }
        return true;
    }

    private void submit(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        String model = ctx.pathParam("model");
        String prompt = body(ctx).path("prompt").asText("");
        if (prompt.contains("refuse")) {
            unprocessable(ctx, "image_url", "Image is too small: at least 300 px", "value_error");
            return;
        }
        if (prompt.contains("submit5xx")) {
            json(ctx, 503, Map.of("detail", "Service temporarily unavailable"));
            return;
        }
        if (prompt.contains("ratelimit") && rateLimited.add(prompt)) {
            ctx.header("Retry-After", "1");
            json(ctx, 429, Map.of("detail", "Too many requests"));
            return;
        }
        Request request = new Request(UUID.randomUUID().toString(), model, prompt);
        requests.put(request.id, request);
        String base = baseUrl() + "/" + ownerAlias(model) + "/requests/" + request.id;
        json(
                ctx,
                200,
                Map.of(
                        "request_id",
                        request.id,
                        "status",
                        "IN_QUEUE",
                        "queue_position",
                        0,
                        "status_url",
                        base + "/status",
                        "response_url",
                        base,
                        "cancel_url",
                        base + "/cancel"));
    }

    private void read(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        String[] parts = ctx.pathParam("path").split("/");
        boolean status = parts[parts.length - 1].equals("status");
        Request request = requests.get(parts[status ? parts.length - 2 : parts.length - 1]);
        if (request == null || !ctx.pathParam("path").startsWith(ownerAlias(request.model) + "/requests/")) {
            json(ctx, 404, Map.of("detail", "Request not found"));
            return;
        }
        if (status) {
            status(ctx, request);
        } else {
            result(ctx, request);
        }
    }

    private void status(Context ctx, Request request) {
        int poll = request.polls.incrementAndGet();
        if (request.prompt.contains("poll5xx")) {
            json(ctx, 500, Map.of("detail", "Internal Server Error"));
            return;
        }
        if (request.prompt.contains("malformed")) {
            json(ctx, 200, "{\"status\": \"COMPL");
            return;
        }
        boolean waiting = request.prompt.contains("forever") || (request.prompt.contains("hold") && !request.released);
        if (waiting || (poll < 3 && !request.released)) {
            boolean queued = poll == 1 && !waiting;
            json(
                    ctx,
                    202,
                    queued
                            ? Map.of("status", "IN_QUEUE", "queue_position", 1, "response_url", baseUrl())
                            : Map.of(
                                    "status",
                                    "IN_PROGRESS",
                                    "logs",
                                    List.of(Map.of("message", "Generating frames", "level", "INFO"))));
            return;
        }
        json(ctx, 200, Map.of("status", "COMPLETED", "metrics", Map.of("inference_time", 41.7), "logs", List.of()));
    }

    /** fal's 422: what was wrong with which field of the body. */
    private void unprocessable(Context ctx, String field, String message, String type) {
        json(ctx, 422, Map.of("detail", List.of(Map.of("loc", List.of("body", field), "msg", message, "type", type))));
    }

    private void result(Context ctx, Request request) {
        if (request.prompt.contains("fail")) {
            unprocessable(
                    ctx,
                    "prompt",
                    "The content could not be processed because it contained material flagged by a content checker.",
                    "content_policy_violation");
            return;
        }
        json(ctx, 200, resultBody(request));
    }

    private Map<String, Object> resultBody(Request request) {
        if (request.model.contains("video")) {
            return Map.of(
                    "video",
                    Map.of(
                            "url",
                            host(request.id + ".mp4", TestVideos.mp4(), "video/mp4"),
                            "content_type",
                            "video/mp4"));
        }
        byte[] image = TestImages.encode(TestImages.picture(640, 800), "jpg");
        return Map.of(
                "images",
                List.of(Map.of(
                        "url",
                        host(request.id + ".jpg", image, "image/jpeg"),
                        "content_type",
                        "image/jpeg",
                        "width",
                        640,
                        "height",
                        800)),
                "seed",
                42,
                "has_nsfw_concepts",
                List.of(request.prompt.contains("nsfwimage")));
    }

    private void cancel(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        String[] parts = ctx.pathParam("path").split("/");
        Request request = parts.length >= 2 && parts[parts.length - 1].equals("cancel")
                ? requests.get(parts[parts.length - 2])
                : null;
        if (request == null) {
            json(ctx, 404, Map.of("status", "NOT_FOUND"));
            return;
        }
        request.canceled = true;
        json(ctx, 202, Map.of("status", "CANCELLATION_REQUESTED"));
    }

    private void jwks(Context ctx) {
        jwksFetches.incrementAndGet();
        byte[] der = signing.getPublic().getEncoded();
        String x = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        json(
                ctx,
                200,
                Map.of(
                        "keys",
                        List.of(Map.of("kty", "OKP", "crv", "Ed25519", "kid", "fal-test-1", "x", x, "use", "sig"))));
    }

    /** The owner/alias part of a model id: fal's status and result URLs drop the subpath. */
    private static String ownerAlias(String model) {
        String[] parts = model.split("/");
        return parts[0] + "/" + parts[1];
    }

    public boolean hasRequestFor(String promptWord) {
        return requests.values().stream().anyMatch(r -> r.prompt.contains(promptWord));
    }

    public String onlyRequestFor(String promptWord) {
        return requests.values().stream()
                .filter(r -> r.prompt.contains(promptWord))
                .map(r -> r.id)
                .findFirst()
                .orElseThrow();
    }

    public boolean canceled(String requestId) {
        return requests.get(requestId).canceled;
    }

    public int polls(String requestId) {
        return requests.get(requestId).polls.get();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Lets a {@code hold} request complete; returns the webhook body fal would send. */
    public String finish(String requestId) {
        Request request = requests.get(requestId);
        request.released = true;
        try {
            return JSON.writeValueAsString(Map.of(
                    "request_id",
                    requestId,
                    "gateway_request_id",
                    requestId,
                    "status",
                    "OK",
                    "payload",
                    resultBody(request)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The X-Fal-Webhook-* headers for {@code body}, signed with this fake's key (or, when {@code forged}, another one). */
    public Map<String, String> signedHeaders(String requestId, String body, Instant at, boolean forged) {
        try {
            String timestamp = Long.toString(at.getEpochSecond());
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(forged ? ed25519().getPrivate() : signing.getPrivate());
            signer.update(
                    (requestId + "\n" + USER_ID + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8));
            return Map.of(
                    "X-Fal-Webhook-Request-Id",
                    requestId,
                    "X-Fal-Webhook-User-Id",
                    USER_ID,
                    "X-Fal-Webhook-Timestamp",
                    timestamp,
                    "X-Fal-Webhook-Signature",
                    HexFormat.of().formatHex(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
