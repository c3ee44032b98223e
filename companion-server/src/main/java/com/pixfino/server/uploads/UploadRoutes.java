package com.pixfino.server.uploads;

import com.pixfino.model.api.UploadView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.MultipartForm;
import com.pixfino.server.http.PathIds;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.InputStream;
import java.util.UUID;

/** {@code POST /uploads} (multipart {@code file}) and the owner's views of an upload. */
public record UploadRoutes(UploadService uploads, long maxBytes) {

    @OpenApi(
            path = "/api/v1/uploads",
            methods = HttpMethod.POST,
            summary = "Upload a photo (JPEG, PNG or WebP)",
            requestBody =
                    @OpenApiRequestBody(content = @OpenApiContent(mimeType = "multipart/form-data", type = "object")),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = UploadView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "The same bytes were uploaded before by this user: that upload (same id)",
                        content = @OpenApiContent(from = UploadView.class)),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "413"),
                @OpenApiResponse(status = "415")
            })
    public void create(Context ctx) {
        Authenticated auth = Authenticated.of(ctx);
        // the body's declared length is checked before a byte of it is read
        MultipartForm.FilePart file = MultipartForm.requiredFile(ctx, "file", "the photo", maxBytes, this::tooLarge);
        UploadService.Accepted accepted = uploads.accept(auth.userId(), file.bytes(), file.filename());
        ctx.status(accepted.created() ? 201 : 200).json(accepted.upload());
    }

    @OpenApi(
            path = "/api/v1/uploads/{id}",
            methods = HttpMethod.GET,
            summary = "An upload's metadata",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = UploadView.class)))
    public void get(Context ctx) {
        ctx.json(uploads.view(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The upload")));
    }

    @OpenApi(
            path = "/api/v1/uploads/{id}/thumbnail",
            methods = HttpMethod.GET,
            summary = "The 400 px JPEG thumbnail",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary")),
            })
    public void thumbnail(Context ctx) {
        InputStream thumbnail =
                uploads.thumbnail(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The upload"));
        ctx.contentType("image/jpeg")
                .header("Cache-Control", "private, max-age=86400")
                .result(thumbnail);
    }

    private DomainException tooLarge() {
        return new DomainException(
                DomainException.Kind.TOO_LARGE,
                "file_too_large",
                "The file is larger than " + (maxBytes / (1024 * 1024)) + " MB; export a smaller JPEG, PNG or WebP.");
    }
}
