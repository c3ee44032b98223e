package com.pixfino.server.styles;

import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.styles.PromptList;
import com.pixfino.model.api.styles.StyleList;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.PathIds;
import com.pixfino.server.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** HTTP face of a creator's own styles and of the prompt library. */
public record StyleRoutes(StyleService styles, PromptLibrary prompts, JsonBody json) {

    @OpenApi(
            path = "/api/v1/styles",
            methods = HttpMethod.POST,
            summary = "Save a style: a base preset with your prompt, negative prompt and format",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = StyleRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = StyleView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "A name outside 1–60 characters, a base preset that is not active, a prompt"
                                + " over 1000 or a negative prompt over 500 characters, or an unknown format"),
                @OpenApiResponse(
                        status = "409",
                        description = "You already have a style with this name (regardless of case), or 200 styles")
            })
    public void create(Context ctx) {
        json.created(ctx, StyleRequest.class, styles::create);
    }

    @OpenApi(
            path = "/api/v1/styles",
            methods = HttpMethod.GET,
            summary = "Your styles, newest first",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = StyleList.class)))
    public void list(Context ctx) {
        ctx.json(styles.list(Authenticated.of(ctx).userId()));
    }

    @OpenApi(
            path = "/api/v1/styles/{id}",
            methods = HttpMethod.GET,
            summary = "One of your styles",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = StyleView.class)),
                @OpenApiResponse(status = "404", description = "Not one of your styles")
            })
    public void get(Context ctx) {
        ctx.json(styles.get(Authenticated.of(ctx).userId(), id(ctx)));
    }

    @OpenApi(
            path = "/api/v1/styles/{id}",
            methods = HttpMethod.PATCH,
            summary = "Change a style; the fields left out keep their value",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = StyleRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = StyleView.class)),
                @OpenApiResponse(status = "400", description = "A field breaks the rules of POST /api/v1/styles"),
                @OpenApiResponse(status = "404", description = "Not one of your styles"),
                @OpenApiResponse(status = "409", description = "You already have a style with this name")
            })
    public void patch(Context ctx) {
        StyleRequest request = json.read(ctx, StyleRequest.class);
        ctx.json(styles.patch(Authenticated.of(ctx).userId(), id(ctx), request));
    }

    @OpenApi(
            path = "/api/v1/styles/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a style; deleting it again is a 204 too",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "404", description = "Never one of your styles")
            })
    public void delete(Context ctx) {
        styles.delete(Authenticated.of(ctx).userId(), id(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/prompts",
            methods = HttpMethod.GET,
            summary = "Curated example prompts, at least five for every preset category",
            queryParams =
                    @OpenApiParam(
                            name = "category",
                            description = "PORTRAIT, HEADSHOT, FASHION, FANTASY, PRODUCT or VIDEO_AD (any case);"
                                    + " leave out for all"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PromptList.class)),
                @OpenApiResponse(status = "400", description = "An unknown category")
            })
    public void prompts(Context ctx) {
        ctx.json(prompts.examples(QueryParams.enumValue(ctx, "category", PresetCategory.class)));
    }

    /** A path id that is not a UUID names nothing: 404, like the collection routes. */
    private static UUID id(Context ctx) {
        return PathIds.uuid(ctx, "id", "The style");
    }
}
