package com.pixfino.server.admin;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.admin.AdminSettings;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/** HTTP face of {@link AdminSettingsEditor}; the admin role is enforced before these run. */
public record AdminSettingsRoutes(AdminSettingsEditor editor, JsonBody json) {

    private static final String FIELDS = "referralsEnabled (default false: referral rewards are switched on later; the"
            + " seed turns them on at 500+ users), referralCredits (what each side earns, 1–1000, default 5),"
            + " referralMonthlyCap (referees rewarded per referrer per calendar month UTC, 0–10000, default 20),"
            + " launchPromoFrom / launchPromoTo (ISO-8601; accounts created in [from, to) get double the Free sign-up"
            + " credits; both null for no promo).";

    @OpenApi(
            path = ApiPaths.ADMIN_SETTINGS,
            methods = HttpMethod.GET,
            tags = "Admin",
            summary = "The platform settings: referral rewards and the launch promo",
            description = FIELDS,
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminSettings.class)),
                @OpenApiResponse(
                        status = "403",
                        description = AdminRoutes.FORBIDDEN,
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void get(Context ctx) {
        ctx.json(editor.current());
    }

    @OpenApi(
            path = ApiPaths.ADMIN_SETTINGS,
            methods = HttpMethod.PUT,
            tags = "Admin",
            summary = "Replace the platform settings (all five fields)",
            description = FIELDS + " The change applies from its commit on and is recorded in the audit trail (action"
                    + " settings, before → after).",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = AdminSettings.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminSettings.class)),
                @OpenApiResponse(
                        status = "400",
                        description =
                                "A field is missing, of the wrong type, unknown or out of range (the message names"
                                        + " it); the promo times are not both null or both set with from < to",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = AdminRoutes.FORBIDDEN,
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void put(Context ctx) {
        AdminSettings request = json.read(ctx, AdminSettings.class);
        ctx.json(editor.replace(Authenticated.of(ctx).userId(), request));
    }
}
