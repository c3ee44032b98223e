package com.pixfino.server.uploads;

import com.pixfino.model.api.UploadView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.MultipartForm;
import com.pixfino.server.http.PathIds;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        // refuse an oversized body from its declared length, before reading a byte of it
        if (ctx.contentLength() > maxBytes + 64 * 1024) {
            throw tooLarge();
        }
        if (!ctx.isMultipartFormData()) {
            throw new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA,
                    "unsupported_media_type",
                    "Send the photo as multipart/form-data with a part named 'file'.");
        }
        UploadedFile file = MultipartForm.file(ctx, "file", this::tooLarge);
        if (file == null) {
            throw DomainException.invalid(
                    "missing_file", "No part named 'file' in the upload: attach the photo as 'file'.");
        }
        if (file.size() > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadService.Accepted accepted = uploads.accept(auth.userId(), bytes, file.filename());
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
