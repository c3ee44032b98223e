package com.pixfino.server.generation;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.Paging;
import com.pixfino.server.http.PathIds;
import com.pixfino.server.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** HTTP face of {@link GenerationService}, {@link GenerationDeletion} and the SSE stream. */
public record GenerationRoutes(
        GenerationService generations, GenerationDeletion deletion, GenerationEvents events, JsonBody json) {

    @OpenApi(
            path = "/api/v1/generations",
            methods = HttpMethod.POST,
            summary = "Pay for and queue a generation",
            description = "One request is one generation and one charge. aspectRatio is one of 1:1, 4:5, 3:4, 9:16,"
                    + " 16:9, 3:2 that the preset's model makes (its aspectRatios; default its defaultAspectRatio);"
                    + " seed is 0 … 2147483647 (default random, always recorded); groupId ties takes together:"
                    + " variations are several requests with one groupId and different seeds, each with its own"
                    + " Idempotency-Key, each charged and refunded on its own. A bad value in any field is a 400"
                    + " naming it, before anything is charged. A reused Idempotency-Key with any field different is"
                    + " a 409.",
            headers =
                    @OpenApiParam(
                            name = "Idempotency-Key",
                            description = "Retries with the same key (24 h) charge once"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CreateGenerationRequest.class)),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = GenerationAccepted.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "A field is missing or invalid, or the preset's model cannot make the format;"
                                + " prompt_rejected when the prompt or negative prompt (the request's or its style's)"
                                + " matches the banned-word list: nothing is charged or created, and the attempt is"
                                + " flagged for the moderators"),
                @OpenApiResponse(status = "402", description = "Not enough credits"),
                @OpenApiResponse(status = "403", description = "PRO preset on the Free tier"),
                @OpenApiResponse(status = "404"),
                @OpenApiResponse(status = "409", description = "Idempotency-Key reused for another request"),
                @OpenApiResponse(
                        status = "503",
                        description =
                                "Every provider for this preset is paused (circuit open); see Retry-After. Nothing is charged")
            })
    public void create(Context ctx) {
        CreateGenerationRequest request;
        try {
            request = json.read(ctx, CreateGenerationRequest.class);
        } catch (DomainException e) {
            // a fraction, text or a number too big for any integer: say the seed's range, not just its type
            if ("invalid_field".equals(e.code()) && e.getMessage().startsWith("seed ")) {
                throw DomainException.invalid(
                        "invalid_seed",
                        "seed must be a whole number from 0 to " + CreateGenerationRequest.MAX_SEED + ".");
            }
            throw e;
        }
        GenerationAccepted accepted = generations.create(
                Authenticated.of(ctx).userId(), request, ctx.header(ApiPaths.IDEMPOTENCY_KEY_HEADER));
        ctx.status(202).json(accepted);
    }

    @OpenApi(
            path = "/api/v1/generations",
            methods = HttpMethod.GET,
            summary = "The user's generations, newest first",
            queryParams = {
                @OpenApiParam(name = "status"),
                @OpenApiParam(name = "cursor"),
                @OpenApiParam(name = "limit", type = Integer.class)
            },
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationView[].class)))
    public void list(Context ctx) {
        PageRequest page = Paging.from(ctx);
        ctx.json(generations.list(
                Authenticated.of(ctx).userId(), QueryParams.enumValue(ctx, "status", GenerationStatus.class), page));
    }

    @OpenApi(
            path = "/api/v1/generations/{id}",
            methods = HttpMethod.GET,
            summary = "One generation",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationView.class)))
    public void get(Context ctx) {
        ctx.json(generations.get(Authenticated.of(ctx).userId(), id(ctx)));
    }

    @OpenApi(
            path = "/api/v1/generations/{id}/cancel",
            methods = HttpMethod.POST,
            summary = "Cancel and refund",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationView.class)),
                @OpenApiResponse(status = "409", description = "Already finished")
            })
    public void cancel(Context ctx) {
        ctx.json(generations.cancel(Authenticated.of(ctx).userId(), id(ctx)));
    }

    @OpenApi(
            path = "/api/v1/generations/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete with its files",
            description = "Deleting again answers 204 as long as the deletion is kept for the change feed"
                    + " (the tombstone window); an id you never had answers 404.",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "404", description = "No such generation of yours")
            })
    public void delete(Context ctx) {
        deletion.delete(Authenticated.of(ctx).userId(), id(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/generations/{id}/output",
            methods = HttpMethod.GET,
            summary = "The result file (owner only)",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = @OpenApiResponse(status = "200"))
    public void output(Context ctx) {
        serve(ctx, false);
    }

    @OpenApi(
            path = "/api/v1/generations/{id}/thumbnail",
            methods = HttpMethod.GET,
            summary = "The 400 px thumbnail (owner only)",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = @OpenApiResponse(status = "200"))
    public void thumbnail(Context ctx) {
        serve(ctx, true);
    }

    /** {@code GET /events}: the SSE stream of the user's status changes, held open until the client leaves. */
    public void events(SseClient client) {
        UUID userId = Authenticated.of(client.ctx()).userId();
        client.keepAlive();
        events.connect(new SseStream(client), userId);
    }

    private void serve(Context ctx, boolean thumbnail) {
        GenerationService.StoredFile file =
                generations.output(Authenticated.of(ctx).userId(), id(ctx), thumbnail);
        ctx.contentType(file.contentType())
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .result(file.content());
    }

    private static UUID id(Context ctx) {
        return PathIds.uuid(ctx, "id", "The generation");
    }

    /** Javalin's SSE client as the event stream the service pushes to. */
    private record SseStream(SseClient client) implements EventStream {

        @Override
        public void sendEvent(String event, String data, String id) {
            client.sendEvent(event, data, id);
        }

        @Override
        public void sendComment(String comment) {
            client.sendComment(comment);
        }

        @Override
        public boolean isClosed() {
            return client.terminated();
        }

        @Override
        public void onClose(Runnable action) {
            client.onClose(action);
        }

        @Override
        public void close() {
            client.close();
        }

        @Override
        public void closeWithRetry(Duration retry) {
            try {
                OutputStream out = client.ctx().res().getOutputStream();
                out.write(("retry: " + retry.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                // the client is gone already: nothing to tell it
            }
            client.close();
        }
    }
}
