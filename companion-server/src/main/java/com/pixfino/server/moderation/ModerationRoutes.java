package com.pixfino.server.moderation;

import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.model.api.admin.ReportRequest;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.server.admin.AdminRoutes;
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

/** The banned-word list and the flag queue (admin only), and a user's report of one of their results. */
public record ModerationRoutes(
        ModerationWordList words, ModerationFlags flags, FlagResolutions resolutions, JsonBody json) {

    private static final String FORBIDDEN = AdminRoutes.FORBIDDEN;
    private static final String MATCHING = " A prompt matches a word case-insensitively, as a whole word (\"class\""
            + " does not match \"ass\"), and through common disguises: leetspeak digits and symbols (0→o, 1→i or l,"
            + " 3→e, 4→a, 5→s, 7→t, @→a, $→s), letters spaced or separated by dots, dashes or underscores, stretched"
            + " letters, accents, fullwidth and look-alike letters. An entry of several words matches them in a row or"
            + " written as one.";

    @OpenApi(
            path = "/api/v1/admin/moderation/words",
            methods = HttpMethod.GET,
            summary = "The banned-word list",
            description = "Answers {words:[…]} in the order the list was written. Prompts and negative prompts (the"
                    + " request's, or the style's it uses) that match it are refused at create with 400"
                    + " prompt_rejected, charged nothing, and flagged." + MATCHING,
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModerationWords.class)),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void getWords(Context ctx) {
        ctx.json(words.words());
    }

    @OpenApi(
            path = "/api/v1/admin/moderation/words",
            methods = HttpMethod.PUT,
            summary = "Replace the banned-word list",
            description = "The whole list, {words:[…]}: each a string, trimmed, 1–64 characters with a letter or"
                    + " digit, no two equal ignoring case, at most 2000 ([] empties it). Takes effect at once; other"
                    + " servers sharing the database follow within 5 s. Audited with the list before and after."
                    + MATCHING,
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ModerationWords.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModerationWords.class)),
                @OpenApiResponse(status = "400", description = "words missing, not strings, too long, or repeated"),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void replaceWords(Context ctx) {
        ModerationWords request = json.read(ctx, ModerationWords.class);
        ctx.json(words.replace(Authenticated.of(ctx).userId(), request));
    }

    @OpenApi(
            path = "/api/v1/admin/moderation/flags",
            methods = HttpMethod.GET,
            summary = "The moderation queue",
            description = "Flags newest first, as {items, nextCursor} (null on the last page; the cursor is signed and"
                    + " works only with the same status). source: prompt (refused at create: prompt and matched are"
                    + " set, there is no generation), provider (a provider's safety check refused the generation:"
                    + " generationId and the provider's reason) or report (the owner reported the result, with their"
                    + " reason). Resolved flags carry resolvedAt, resolvedBy (the admin's id), action and note.",
            queryParams = {
                @OpenApiParam(name = "status", description = "open or resolved; absent: every flag"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1–100, default 50"),
                @OpenApiParam(name = "cursor")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModerationFlagView[].class)),
                @OpenApiResponse(
                        status = "400",
                        description = "status is not open or resolved, limit out of range, or the cursor was edited"),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void listFlags(Context ctx) {
        ctx.json(flags.list(ctx.queryParam("status"), AdminRoutes.page(ctx)));
    }

    @OpenApi(
            path = "/api/v1/admin/moderation/flags/{id}/resolve",
            methods = HttpMethod.POST,
            summary = "Resolve a flag",
            description = "action: dismiss (nothing else changes); delete_generation (the flagged generation is"
                    + " deleted as its owner's delete does: a running one is canceled and refunded; 409 for a prompt"
                    + " flag, which has none); suspend_user (the flagged user is suspended as POST"
                    + " /admin/users/{id}/suspend does, with the note as the reason or a default sentence; an admin's"
                    + " own flag is a 409 like suspending oneself). note is optional, at most 500 characters."
                    + " Answers the resolved flag. Audited.",
            pathParams = @OpenApiParam(name = "id", type = Long.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ResolveFlagRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModerationFlagView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "action is not one of the three, or the note is too long"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such flag"),
                @OpenApiResponse(
                        status = "409",
                        description = "Already resolved, no generation to delete, or the admin's own account")
            })
    public void resolve(Context ctx) {
        long id = PathIds.number(ctx, "id", "The flag");
        ResolveFlagRequest request = json.read(ctx, ResolveFlagRequest.class);
        ctx.json(resolutions.resolve(Authenticated.of(ctx).userId(), id, request));
    }

    @OpenApi(
            path = "/api/v1/generations/{id}/report",
            methods = HttpMethod.POST,
            summary = "Report a result to the moderators",
            description = "The owner (signed in, or an API key with the generate scope) reports one of their"
                    + " generations; reason is 1–500 characters. Answers 201 with the flag (source report). Reporting"
                    + " the same generation again is a 409 already_reported; an unknown generation or another user's"
                    + " is a 404.",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ReportRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = ModerationFlagView.class)),
                @OpenApiResponse(status = "400", description = "The reason is missing or too long"),
                @OpenApiResponse(status = "404", description = "No such generation of yours"),
                @OpenApiResponse(status = "409", description = "You already reported it")
            })
    public void report(Context ctx) {
        UUID id = PathIds.uuid(ctx, "id", "Generation");
        ReportRequest request = json.read(ctx, ReportRequest.class);
        ctx.status(201).json(flags.report(Authenticated.of(ctx).userId(), id, request.reason()));
    }
}
