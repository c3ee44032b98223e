package com.pixfino.server.presets;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.http.PathIds;
import com.pixfino.server.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /presets} with its filters, and each preset's preview picture. */
public record PresetRoutes(PresetCatalog catalog, PresetThumbnails thumbnails) {

    /** Clients may show a picture this long without asking again; after that a conditional GET (ETag) is cheap. */
    static final String CACHE_CONTROL = "public, max-age=300";

    @OpenApi(
            path = "/api/v1/presets",
            methods = HttpMethod.GET,
            summary = "Active presets, featured first",
            description = "thumbnailUrl is the relative link of the preset's preview picture"
                    + " (/api/v1/presets/{id}/thumbnail) once it has one, else null.",
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

    @OpenApi(
            path = "/api/v1/presets/{id}/thumbnail",
            methods = HttpMethod.GET,
            summary = "An active preset's preview picture",
            description = "A 384 × 384 JPEG: the preset's look rendered by the local renderer from a sample photo (the"
                    + " product photo for PRODUCT and VIDEO_AD presets, a portrait for the others), or the picture an"
                    + " admin uploaded instead. Public, like the catalog. Every seeded preset's preview is rendered once"
                    + " in the background after the server's first start (a restart renders only what is missing), a"
                    + " new preset's soon after it is created; until then this answers 404 thumbnail_not_ready. ETag is"
                    + " the picture's SHA-256: send it as If-None-Match to get 304 while it is unchanged."
                    + " Cache-Control: public, max-age=300.",
            pathParams = @OpenApiParam(name = "id", type = Long.class),
            headers = @OpenApiParam(name = "If-None-Match", description = "The ETag of the copy the client has"),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary")),
                @OpenApiResponse(status = "304", description = "The client's copy (If-None-Match) is current"),
                @OpenApiResponse(
                        status = "404",
                        description = "No such active preset (not_found), or its preview is not rendered yet"
                                + " (thumbnail_not_ready)")
            })
    public void thumbnail(Context ctx) {
        PresetThumbnails.Picture picture = thumbnails.picture(PathIds.number(ctx, "id", "The preset"));
        ctx.header("ETag", picture.etag()).header("Cache-Control", CACHE_CONTROL);
        if (matches(ctx.header("If-None-Match"), picture.etag())) {
            close(picture.content());
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(picture.contentType()).result(picture.content());
    }

    /** Whether an If-None-Match header names this ETag (a list, weak forms and {@code *} included). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void close(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
