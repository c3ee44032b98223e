package com.pixfino.server.apikeys;

import com.pixfino.model.api.apikeys.ApiKeyList;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
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

/** {@code /api-keys}: a signed-in user creates, lists and revokes the keys their scripts use (never with a key). */
public record ApiKeyRoutes(ApiKeyService keys, JsonBody json) {

    @OpenApi(
            path = "/api/v1/api-keys",
            methods = HttpMethod.POST,
            summary = "Create an API key (the key is shown only in this answer)",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CreateApiKeyRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = CreatedApiKey.class)),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(
                        status = "403",
                        description = "Called with an API key (keys need a session), or email_unverified: the account's"
                                + " address is not verified yet"),
                @OpenApiResponse(status = "409", description = "Too many active keys")
            })
    public void create(Context ctx) {
        json.created(ctx, CreateApiKeyRequest.class, keys::create);
    }

    @OpenApi(
            path = "/api/v1/api-keys",
            methods = HttpMethod.GET,
            summary = "The caller's active API keys (prefix only, with when each was last used)",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ApiKeyList.class)),
                @OpenApiResponse(status = "403", description = "Called with an API key: keys need a session")
            })
    public void list(Context ctx) {
        ctx.json(keys.list(Authenticated.of(ctx).userId()));
    }

    @OpenApi(
            path = "/api/v1/api-keys/{id}",
            methods = HttpMethod.DELETE,
            summary = "Revoke an API key at once",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "403", description = "Called with an API key: keys need a session")
            })
    public void revoke(Context ctx) {
        keys.revoke(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The API key"));
        ctx.status(204);
    }
}
