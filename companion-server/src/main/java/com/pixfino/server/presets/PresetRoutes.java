package com.pixfino.server.presets;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

/** {@code GET /presets} with its filters. */
public record PresetRoutes(PresetCatalog catalog) {

    @OpenApi(
            path = "/api/v1/presets",
            methods = HttpMethod.GET,
            summary = "Active presets, featured first",
            queryParams = {
                @OpenApiParam(
                        name = "category",
                        description = "PORTRAIT, HEADSHOT, FASHION, FANTASY, PRODUCT or VIDEO_AD"),
                @OpenApiParam(name = "kind", description = "IMAGE or VIDEO"),
                @OpenApiParam(name = "q", description = "Words to look for in the name or prompt")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PresetView[].class)),
                @OpenApiResponse(status = "400")
            })
    public void list(Context ctx) {
        ctx.json(catalog.list(
                QueryParams.enumValue(ctx, "category", PresetCategory.class),
                QueryParams.enumValue(ctx, "kind", MediaKind.class),
                QueryParams.text(ctx, "q")));
    }
}
