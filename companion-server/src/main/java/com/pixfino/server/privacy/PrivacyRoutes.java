package com.pixfino.server.privacy;

import com.pixfino.model.api.DeleteAccountRequest;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP face of {@link AccountExport} and {@link AccountDeletion}: the user's own data, out or gone. */
public record PrivacyRoutes(AccountExport export, AccountDeletion deletion, JsonBody json) {

    private static final Logger log = LoggerFactory.getLogger(PrivacyRoutes.class);

    @OpenApi(
            path = "/api/v1/me/export",
            methods = HttpMethod.GET,
            summary = "Download all your data as a zip",
            description =
                    "Profile, sign-ins, credit ledger, uploads and generations as JSON, with the upload and result files. Streamed.",
            responses = {
                @OpenApiResponse(
                        status = "200",
                        description = "A zip file (Content-Disposition: attachment)",
                        content = @OpenApiContent(type = "application/zip", format = "binary")),
                @OpenApiResponse(status = "401"),
                @OpenApiResponse(status = "429", description = "Exported several times just now; see Retry-After")
            })
    public void export(Context ctx) throws IOException {
        UUID userId = Authenticated.of(ctx).userId();
        String fileName = export.prepare(userId);
        ctx.status(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store");
        try {
            export.write(userId, ctx.outputStream());
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().reset(); // nothing sent yet: answer a plain error instead of a zip
                throw e;
            }
            // half a zip is on its way: cut the connection, so the client sees a failed download, not a finished file
            log.warn("event=export_aborted user={} reason={}", userId, e.toString());
            Request request = Request.getBaseRequest(ctx.req());
            if (request != null) {
                request.getHttpChannel().abort(e);
            }
        }
    }

    @OpenApi(
            path = "/api/v1/me",
            methods = HttpMethod.DELETE,
            summary = "Delete your account and all its data",
            description =
                    "Cancels running generations, removes uploads, results, files and sign-ins; the credit ledger is kept "
                            + "for the books under an anonymous id. Cannot be undone.",
            requestBody =
                    @OpenApiRequestBody(required = true, content = @OpenApiContent(from = DeleteAccountRequest.class)),
            responses = {
                @OpenApiResponse(status = "204", description = "Deleted; the token no longer works"),
                @OpenApiResponse(status = "400", description = "No password given"),
                @OpenApiResponse(status = "401"),
                @OpenApiResponse(
                        status = "403",
                        description = "Wrong password (code wrong_password); nothing was deleted"),
                @OpenApiResponse(status = "429", description = "Locked out after failed sign-ins; see Retry-After")
            })
    public void delete(Context ctx) {
        DeleteAccountRequest request = json.read(ctx, DeleteAccountRequest.class);
        deletion.delete(Authenticated.of(ctx).userId(), request.password(), ctx.ip());
        ctx.status(204);
    }
}
