package com.pixfino.server.webhooks;

import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.model.api.webhooks.WebhookPingAccepted;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.PathIds;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** {@code /webhooks}: a signed-in user's endpoints for generation events (never with an API key). */
public record WebhookRoutes(WebhookService webhooks, JsonBody json) {

    @OpenApi(
            path = "/api/v1/webhooks",
            methods = HttpMethod.POST,
            summary = "Add an https endpoint for generation.completed / generation.failed (the secret is shown once)",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CreateWebhookRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = CreatedWebhook.class)),
                @OpenApiResponse(status = "400", description = "Not https, or a private/loopback/link-local address"),
                @OpenApiResponse(status = "403", description = "Called with an API key: webhooks need a session"),
                @OpenApiResponse(status = "409", description = "Too many endpoints")
            })
    public void create(Context ctx) {
        json.created(ctx, CreateWebhookRequest.class, webhooks::create);
    }

    @OpenApi(
            path = "/api/v1/webhooks",
            methods = HttpMethod.GET,
            summary = "The caller's webhook endpoints (a disabled one says why)",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = WebhookList.class)),
                @OpenApiResponse(status = "403", description = "Called with an API key")
            })
    public void list(Context ctx) {
        ctx.json(webhooks.list(Authenticated.of(ctx).userId()));
    }

    @OpenApi(
            path = "/api/v1/webhooks/{id}",
            methods = HttpMethod.DELETE,
            summary = "Remove an endpoint (its queued events and delivery log go with it)",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "403", description = "Called with an API key")
            })
    public void delete(Context ctx) {
        webhooks.delete(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The webhook"));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/webhooks/{id}/test",
            methods = HttpMethod.POST,
            summary = "Send a ping event to the endpoint (one attempt, in the delivery log)",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = WebhookPingAccepted.class)),
                @OpenApiResponse(status = "403", description = "Called with an API key")
            })
    public void test(Context ctx) {
        ctx.status(202).json(webhooks.ping(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The webhook")));
    }

    @OpenApi(
            path = "/api/v1/webhooks/{id}/deliveries",
            methods = HttpMethod.GET,
            summary = "One row per delivery attempt, newest first (pings included)",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = WebhookDeliveryList.class)),
                @OpenApiResponse(status = "403", description = "Called with an API key")
            })
    public void deliveries(Context ctx) {
        ctx.json(webhooks.deliveries(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The webhook")));
    }
}
