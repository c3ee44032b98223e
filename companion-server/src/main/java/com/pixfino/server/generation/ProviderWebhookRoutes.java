package com.pixfino.server.generation;

import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code POST /api/v1/providers/{name}/webhook}: signed status calls from Replicate and fal.ai. */
public record ProviderWebhookRoutes(ProviderWebhooks webhooks) {

    public static final String PATH = "/api/v1/providers/{name}/webhook";
    // a Replicate webhook echoes the prediction's input, which may hold a 1 MB photo as base64
    private static final int MAX_BODY = 8 * 1024 * 1024;

    @OpenApi(
            path = PATH,
            methods = HttpMethod.POST,
            summary = "A provider's signed webhook",
            pathParams = @OpenApiParam(name = "name", description = "replicate or fal"),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "400", description = "Missing, wrong or stale signature"),
                @OpenApiResponse(status = "404", description = "No webhooks for this provider")
            })
    public void receive(Context ctx) {
        byte[] body = body(ctx);
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        // a refused signature is a WebhookRejectedException: answered 400 with its code like any invalid request
        boolean known = webhooks.receive(ctx.pathParam("name"), headers, body).isPresent();
        ctx.json(Map.of("received", true, "matched", known));
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new DomainException(
                        DomainException.Kind.TOO_LARGE, "payload_too_large", "The webhook body is larger than 8 MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw DomainException.invalid("unreadable_body", "The webhook body could not be read.");
        }
    }
}
