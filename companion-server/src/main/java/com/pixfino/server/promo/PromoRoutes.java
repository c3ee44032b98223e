package com.pixfino.server.promo;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.promo.PromoCodeList;
import com.pixfino.model.api.promo.PromoCodeRequest;
import com.pixfino.model.api.promo.PromoCodeView;
import com.pixfino.model.api.promo.RedeemRequest;
import com.pixfino.model.api.promo.RedeemView;
import com.pixfino.server.admin.AdminRoutes;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/** HTTP face of {@link PromoCodes}: the admin's create, list and expire, and a user's redemption. */
public record PromoRoutes(PromoCodes promo, JsonBody json) {

    private static final String STATUS = "status: scheduled (before validFrom), active, expired (from validTo on, or"
            + " expired by an admin) or used_up (maxRedemptions reached).";

    @OpenApi(
            path = ApiPaths.ADMIN_PROMO_CODES,
            methods = HttpMethod.POST,
            summary = "Create a promo code",
            description =
                    "code: 3–32 of A–Z, a–z, 0–9, _ and -, matched in any case and shown upper-case; credits 1–10000"
                            + " (granted once per account as a GRANT ledger row); maxRedemptions 1–1000000; validFrom before"
                            + " validTo, ISO-8601 with an offset (like 2026-12-01T00:00:00Z). Audited as promo_code_create. "
                            + STATUS,
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = PromoCodeRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = PromoCodeView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "A field is missing or out of range; the message names it",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "403", description = AdminRoutes.FORBIDDEN),
                @OpenApiResponse(
                        status = "409",
                        description = "code_taken: a code of that name exists (in any case)",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void create(Context ctx) {
        json.created(ctx, PromoCodeRequest.class, promo::create);
    }

    @OpenApi(
            path = ApiPaths.ADMIN_PROMO_CODES,
            methods = HttpMethod.GET,
            summary = "Every promo code, newest first, with its redemption count now",
            description = STATUS,
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PromoCodeList.class)),
                @OpenApiResponse(status = "403", description = AdminRoutes.FORBIDDEN)
            })
    public void list(Context ctx) {
        ctx.json(promo.list());
    }

    @OpenApi(
            path = ApiPaths.ADMIN_PROMO_CODE_EXPIRE,
            methods = HttpMethod.POST,
            summary = "End a promo code now",
            description = "Sets validTo to now, so the code answers 410 expired from then on; a code that has ended"
                    + " already stays as it is. Audited as promo_code_expire (validTo before and after).",
            pathParams = @OpenApiParam(name = "code", description = "the code, in any case"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PromoCodeView.class)),
                @OpenApiResponse(status = "403", description = AdminRoutes.FORBIDDEN),
                @OpenApiResponse(
                        status = "404",
                        description = "not_found: no such code",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void expire(Context ctx) {
        ctx.json(promo.expire(Authenticated.of(ctx).userId(), ctx.pathParam("code")));
    }

    @OpenApi(
            path = ApiPaths.CREDITS_REDEEM,
            methods = HttpMethod.POST,
            summary = "Redeem a promo code for credits",
            description = "The code in any case; each account redeems a code once. Grants its credits as a GRANT ledger"
                    + " row (reference promo:{CODE}:{userId}) and answers the new balance. Concurrent redemptions"
                    + " never pass the code's maxRedemptions. Session token only. More than 10 failed attempts an hour"
                    + " per account answer 429 until the hour is over.",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = RedeemRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = RedeemView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "invalid_code: code missing or not text",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "An API key: redeeming needs the user's session",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "unknown_code: no such code, or not valid yet",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "already_redeemed (by this account) or used_up (maxRedemptions reached)",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "410",
                        description = "expired: past validTo, or expired by an admin",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "Too many failed attempts this hour; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void redeem(Context ctx) {
        RedeemRequest request = json.read(ctx, RedeemRequest.class);
        ctx.json(promo.redeem(Authenticated.of(ctx).userId(), request.code()));
    }
}
