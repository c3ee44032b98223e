package com.pixfino.server.testsupport.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.TestImages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OpenRouter's chat completions for image models, as documented: the picture comes back synchronously as
 * a data URL in {@code choices[0].message.images}, with {@code usage.cost}; errors are
 * {@code {error:{code,message,metadata}}}, some of them inside an HTTP 200. Prompt words choose the path:
 * {@code error200} (a 502 inside a 200), {@code moderation} (403), {@code nocredits} (402),
 * {@code ratelimit} (one 429 first), {@code error5xx} (503), {@code malformed}, {@code textonly},
 * {@code slow} (answers after 3 s).
 */
public final class FakeOpenRouter extends FakeHttpServer {

    public static final String KEY = "sk-or-v1-fake";
    public static final double COST = 0.0387;

    private final Set<String> rateLimited = ConcurrentHashMap.newKeySet();
    private final AtomicInteger completions = new AtomicInteger();
    private final byte[] png = TestImages.png(512, 640);

    @Override
    protected void routes(Javalin app) {
        app.post("/api/v1/chat/completions", this::complete);
    }

    /** The base URL clients are configured with, as on the real service. */
    public String apiBase() {
        return baseUrl() + "/api/v1";
    }

    private void complete(Context ctx) {
        completions.incrementAndGet();
        if (!("Bearer " + KEY).equals(ctx.header("Authorization"))) {
            json(ctx, 401, error(401, "No auth credentials found", null));
            return;
        }
        JsonNode body = body(ctx);
        String prompt = body.path("messages")
                .path(0)
                .path("content")
                .path(0)
                .path("text")
                .asText("");
        if (prompt.contains("error200")) {
            json(ctx, 200, error(502, "Provider returned error", Map.of("provider_name", "Google AI Studio")));
        } else if (prompt.contains("moderation")) {
            json(
                    ctx,
                    403,
                    error(
                            403,
                            "Input was flagged by moderation",
                            Map.of("reasons", List.of("violence"), "flagged_input", "…")));
        } else if (prompt.contains("nocredits")) {
            json(ctx, 402, error(402, "Insufficient credits. Add more using https://openrouter.ai/credits", null));
        } else if (prompt.contains("ratelimit") && rateLimited.add(prompt)) {
            ctx.header("Retry-After", "1");
            json(ctx, 429, error(429, "Rate limit exceeded: free-models-per-min", null));
        } else if (prompt.contains("error5xx")) {
            json(ctx, 503, error(503, "No available model provider that meets your routing requirements", null));
        } else if (prompt.contains("malformed")) {
            json(ctx, 200, "{\"id\":\"gen-1\",\"choices\":[{\"message\":");
        } else {
            if (prompt.contains("slow")) {
                sleep(3000);
            }
            json(ctx, 200, answer(body.path("model").asText(), !prompt.contains("textonly")));
        }
    }

    private Map<String, Object> answer(String model, boolean withImage) {
        Map<String, Object> message = withImage
                ? Map.of(
                        "role",
                        "assistant",
                        "content",
                        "Here is the edited photo.",
                        "images",
                        List.of(Map.of(
                                "type",
                                "image_url",
                                "image_url",
                                Map.of(
                                        "url",
                                        "data:image/png;base64,"
                                                + Base64.getEncoder().encodeToString(png)))))
                : Map.of(
                        "role", "assistant", "content", "I cannot edit this photo, but here is a description instead.");
        return Map.of(
                "id",
                "gen-" + completions.get(),
                "model",
                model,
                "object",
                "chat.completion",
                "choices",
                List.of(Map.of("index", 0, "finish_reason", "stop", "message", message)),
                "usage",
                Map.of("prompt_tokens", 1290, "completion_tokens", 1300, "total_tokens", 2590, "cost", COST));
    }

    private static Map<String, Object> error(int code, String message, Map<String, Object> metadata) {
        return Map.of(
                "error",
                metadata == null
                        ? Map.of("code", code, "message", message)
                        : Map.of("code", code, "message", message, "metadata", metadata));
    }

    public byte[] png() {
        return png.clone();
    }

    public int completions() {
        return completions.get();
    }
}
