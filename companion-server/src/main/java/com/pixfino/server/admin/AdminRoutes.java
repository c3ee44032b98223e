package com.pixfino.server.admin;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.CreditAdjustmentRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.model.api.admin.SuspendRequest;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.MultipartForm;
import com.pixfino.server.http.Paging;
import com.pixfino.server.http.PathIds;
import com.pixfino.server.http.QueryParams;
import com.pixfino.server.presets.PresetThumbnails;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** Admin-only endpoints; the role is enforced before these run (403 to other users and to every API key). */
public record AdminRoutes(
        AdminUsers users, AdminStatistics statistics, AuditTrail audit, AdminPresets presets, JsonBody json) {

    /** The admin lists' largest page. */
    public static final int MAX_LIMIT = 100;

    /** What every admin route answers a user token or an API key (also used by the moderation routes). */
    public static final String FORBIDDEN = "Not an administrator's session (user tokens and every API key are refused)";

    @OpenApi(
            path = "/api/v1/admin/stats",
            methods = HttpMethod.GET,
            summary = "Platform statistics",
            description = "Figures now, read consistently. users: total accounts, newThisWeek (registered in the last"
                    + " 7 × 24 h), active7d (signed in, registering counts, or created a generation in the last 7 × 24"
                    + " h), suspended, byTier (every tier). generations: today (created since 00:00 UTC), thisWeek"
                    + " (last 7 × 24 h), total, byStatus (every status; a prompt refused by moderation creates none)."
                    + " subscriptions: active (live Stripe subscriptions: active, trialing or past due) and byTier."
                    + " credits, one ledger kind each: granted = GRANT rows (free, plan, referral, promo), purchased ="
                    + " PURCHASE, debited = DEBIT as a positive number, refunded = REFUND, adjusted = ADJUSTMENT"
                    + " (admin changes and payment refunds, signed), expired = EXPIRY as a positive number;"
                    + " outstanding = the sum of all balances = granted + purchased − debited + refunded + adjusted −"
                    + " expired. referrals: joined (accounts registered with someone's invitation code), rewarded"
                    + " (referrals settled with a reward), creditsGranted (every referral GRANT credit, both sides).",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminStats.class)),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void stats(Context ctx) {
        ctx.json(statistics.stats());
    }

    @OpenApi(
            path = "/api/v1/admin/stats/daily",
            methods = HttpMethod.GET,
            summary = "Daily statistics",
            description =
                    "Exactly `days` entries (1–365, default 30), one per UTC day, oldest first and today last, days"
                            + " without activity included. date is YYYY-MM-DD (UTC); creditsSpent = DEBIT credits − REFUND"
                            + " credits of that day; generations and newUsers count those created that day;"
                            + " estimatedCostUsd = creditsSpent × PIXFINO_COST_PER_CREDIT_USD (default 0.27);"
                            + " actualCostUsd = the provider cost recorded on that day's generations. Money is a decimal"
                            + " string with four places.",
            queryParams = @OpenApiParam(name = "days", type = Integer.class, description = "1–365, default 30"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminDailyStats.class)),
                @OpenApiResponse(status = "400", description = "days is not a whole number from 1 to 365"),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void dailyStats(Context ctx) {
        String text = ctx.queryParam("days");
        int days = 30;
        if (text != null) {
            try {
                days = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw AdminStatistics.invalidDays();
            }
        }
        ctx.json(statistics.daily(days));
    }

    @OpenApi(
            path = "/api/v1/admin/users",
            methods = HttpMethod.GET,
            summary = "Users, searched, filtered, sorted and paged",
            description = "Answers {items, nextCursor}; nextCursor is null on the last page. The cursor is opaque and"
                    + " signed: it works only with the same q, tier, status, sort and order.",
            queryParams = {
                @OpenApiParam(name = "q", description = "part of the email or name, any case"),
                @OpenApiParam(name = "tier", description = "FREE, STARTER, PRO or BUSINESS"),
                @OpenApiParam(name = "status", description = "ACTIVE or SUSPENDED"),
                @OpenApiParam(name = "sort", description = "joined (default), lastLogin, credits or generations"),
                @OpenApiParam(name = "order", description = "asc or desc (default)"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1–100, default 50"),
                @OpenApiParam(name = "cursor")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView[].class)),
                @OpenApiResponse(status = "400", description = "A parameter is out of range or the cursor was edited"),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void listUsers(Context ctx) {
        UserQuery query = new UserQuery(
                QueryParams.text(ctx, "q").orElse(null),
                QueryParams.enumValue(ctx, "tier", Tier.class).orElse(null),
                QueryParams.enumValue(ctx, "status", AccountStatus.class).orElse(null),
                UserQuery.Sort.parse(ctx.queryParam("sort")),
                UserQuery.descending(ctx.queryParam("order")));
        ctx.json(users.list(query, page(ctx)));
    }

    @OpenApi(
            path = "/api/v1/admin/users/{id}/credits",
            methods = HttpMethod.POST,
            summary = "Adjust a user's credits",
            description = "Adds an ADJUSTMENT ledger row (amount may be negative) and an audit row. The reason is"
                    + " required (1–500 characters); a change that would take the balance below zero is refused"
                    + " with 409.",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CreditAdjustmentRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = LedgerEntryView.class)),
                @OpenApiResponse(status = "400", description = "amount or reason missing or out of range"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such user"),
                @OpenApiResponse(status = "409", description = "The balance would go below zero")
            })
    public void adjustCredits(Context ctx) {
        UUID userId = PathIds.uuid(ctx, "id", "The user");
        CreditAdjustmentRequest request = json.read(ctx, CreditAdjustmentRequest.class);
        ctx.status(201).json(users.adjust(Authenticated.of(ctx).userId(), userId, request));
    }

    @OpenApi(
            path = "/api/v1/admin/users/{id}/suspend",
            methods = HttpMethod.POST,
            summary = "Suspend a user",
            description = "The user can no longer sign in (403 account_suspended); their sessions and API keys are"
                    + " refused from the next request on; generations already running finish. The reason is required"
                    + " (1–500 characters) and kept in the audit trail. An admin cannot suspend themselves (409)."
                    + " Suspending a suspended user changes nothing.",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = SuspendRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView.class)),
                @OpenApiResponse(status = "400", description = "The reason is missing or too long"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such user"),
                @OpenApiResponse(status = "409", description = "An admin's own account")
            })
    public void suspend(Context ctx) {
        UUID userId = PathIds.uuid(ctx, "id", "The user");
        SuspendRequest request = json.read(ctx, SuspendRequest.class);
        ctx.json(users.suspend(Authenticated.of(ctx).userId(), userId, request.reason()));
    }

    @OpenApi(
            path = "/api/v1/admin/users/{id}/unsuspend",
            methods = HttpMethod.POST,
            summary = "Lift a user's suspension",
            description = "The user may sign in again; their unexpired sessions and API keys work again. The body and"
                    + " its reason are optional.",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = SuspendRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView.class)),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such user")
            })
    public void unsuspend(Context ctx) {
        UUID userId = PathIds.uuid(ctx, "id", "The user");
        SuspendRequest request = json.readOrElse(ctx, SuspendRequest.class, new SuspendRequest(null));
        ctx.json(users.unsuspend(Authenticated.of(ctx).userId(), userId, request.reason()));
    }

    @OpenApi(
            path = "/api/v1/admin/audit",
            methods = HttpMethod.GET,
            summary = "The audit trail",
            description = "Every admin action, newest first: the admin, the target, what changed (before → after),"
                    + " the reason and the time. Answers {items, nextCursor}.",
            queryParams = {
                @OpenApiParam(name = "limit", type = Integer.class, description = "1–100, default 50"),
                @OpenApiParam(name = "cursor")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AuditEntryView[].class)),
                @OpenApiResponse(status = "400", description = "limit out of range or the cursor was edited"),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void audit(Context ctx) {
        ctx.json(audit.list(page(ctx)));
    }

    private static final String PRESET_RULES = "slug unique, lowercase letters, digits and hyphens; credits 1–500;"
            + " durationSeconds 3–20 for a VIDEO preset and absent for an IMAGE one; provider and model one the catalog"
            + " runs; promptTemplate 1–2000 characters, negativePrompt up to 1000; aspectRatios among 1:1, 4:5, 3:4,"
            + " 9:16, 16:9, 3:2 with defaultAspectRatio one of them. \"active\":false deactivates: the preset leaves"
            + " GET /presets and creating from it answers 404, while its history stays. A change never alters what"
            + " earlier generations were charged; each records the preset version it ran. Audited.";

    @OpenApi(
            path = "/api/v1/admin/presets",
            methods = HttpMethod.GET,
            summary = "Every preset, inactive ones too, with margins",
            description = "Answers {items, nextCursor} (one page). apiCostUsd and marginUsd are decimal strings;"
                    + " marginUsd = credits × PIXFINO_CREDIT_VALUE_USD (default 0.27) − apiCostUsd; marginPct ="
                    + " marginUsd ÷ (credits × the credit value) × 100, a decimal string with one decimal; uses ="
                    + " generations started from it.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminPresetView[].class)),
                @OpenApiResponse(status = "403", description = FORBIDDEN)
            })
    public void listPresets(Context ctx) {
        ctx.json(presets.list());
    }

    @OpenApi(
            path = "/api/v1/admin/presets",
            methods = HttpMethod.POST,
            summary = "Create a preset",
            description = PRESET_RULES,
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = AdminPresetRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = AdminPresetView.class)),
                @OpenApiResponse(status = "400", description = "A field is missing or invalid"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "409", description = "Another preset has the slug")
            })
    public void createPreset(Context ctx) {
        json.created(ctx, AdminPresetRequest.class, presets::create);
    }

    @OpenApi(
            path = "/api/v1/admin/presets/{id}",
            methods = HttpMethod.PUT,
            summary = "Replace a preset",
            description = "The whole preset, as for POST (active keeps its value when absent). " + PRESET_RULES,
            pathParams = @OpenApiParam(name = "id", type = Long.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = AdminPresetRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminPresetView.class)),
                @OpenApiResponse(status = "400", description = "A field is missing or invalid"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such preset"),
                @OpenApiResponse(status = "409", description = "Another preset has the slug")
            })
    public void replacePreset(Context ctx) {
        updatePreset(ctx, true);
    }

    @OpenApi(
            path = "/api/v1/admin/presets/{id}",
            methods = HttpMethod.PATCH,
            summary = "Change some fields of a preset",
            description = "Only the fields sent change, e.g. {\"active\":false}. " + PRESET_RULES,
            pathParams = @OpenApiParam(name = "id", type = Long.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = AdminPresetRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminPresetView.class)),
                @OpenApiResponse(status = "400", description = "A field is invalid"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such preset"),
                @OpenApiResponse(status = "409", description = "Another preset has the slug")
            })
    public void patchPreset(Context ctx) {
        updatePreset(ctx, false);
    }

    /** PUT ({@code whole}: the body is the whole preset) and PATCH (only the fields it names change). */
    private void updatePreset(Context ctx, boolean whole) {
        long id = PathIds.number(ctx, "id", "The preset");
        AdminPresetRequest request = json.read(ctx, AdminPresetRequest.class);
        ctx.json(presets.update(Authenticated.of(ctx).userId(), id, request, whole));
    }

    @OpenApi(
            path = "/api/v1/admin/presets/{id}/thumbnail",
            methods = HttpMethod.PUT,
            summary = "Replace a preset's preview picture",
            description = "multipart/form-data with the image in a part named file: JPEG, PNG or WebP, recognised by"
                    + " its content (never its name or declared type), at most 5 MB and 50 megapixels. The picture is"
                    + " turned upright (EXIF), stripped of metadata, cropped to its centre square and stored as a"
                    + " 384 × 384 JPEG (S3 or the data directory), replacing the rendered or uploaded one; a render"
                    + " never replaces it. GET /api/v1/presets/{id}/thumbnail serves it at once with a new ETag."
                    + " Works for inactive presets too. Audited as preset_thumbnail with the file's key, SHA-256 and"
                    + " source before and after. Answers the preset as GET /admin/presets lists it.",
            pathParams = @OpenApiParam(name = "id", type = Long.class),
            requestBody =
                    @OpenApiRequestBody(content = @OpenApiContent(mimeType = "multipart/form-data", type = "object")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminPresetView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "No part named file (missing_file), a broken multipart body"
                                + " (malformed_multipart), or an image that does not decode (invalid_image)"),
                @OpenApiResponse(status = "403", description = FORBIDDEN),
                @OpenApiResponse(status = "404", description = "No such preset"),
                @OpenApiResponse(
                        status = "413",
                        description = "The file is over 5 MB (file_too_large) or 50 megapixels (image_too_large)"),
                @OpenApiResponse(
                        status = "415",
                        description = "Not multipart/form-data, or the file is not a JPEG, PNG or WebP image")
            })
    public void replacePresetThumbnail(Context ctx) {
        long id = PathIds.number(ctx, "id", "The preset");
        MultipartForm.FilePart file = MultipartForm.requiredFile(
                ctx, "file", "the picture", PresetThumbnails.MAX_UPLOAD_BYTES, AdminRoutes::pictureTooLarge);
        ctx.json(presets.replaceThumbnail(Authenticated.of(ctx).userId(), id, file.bytes()));
    }

    private static DomainException pictureTooLarge() {
        return new DomainException(
                DomainException.Kind.TOO_LARGE,
                "file_too_large",
                "The picture is larger than " + PresetThumbnails.MAX_UPLOAD_BYTES / (1024 * 1024)
                        + " MB; export a smaller JPEG, PNG or WebP.");
    }

    /** {@code limit} (1–100) and {@code cursor}, as every admin list reads them. */
    public static PageRequest page(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit != null && !limit.isBlank()) {
            try {
                int value = Integer.parseInt(limit.trim());
                if (value >= 1 && value <= MAX_LIMIT) {
                    return Paging.from(ctx);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw DomainException.invalid("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Paging.from(ctx);
    }
}
