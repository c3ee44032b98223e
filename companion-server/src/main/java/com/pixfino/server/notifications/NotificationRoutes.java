package com.pixfino.server.notifications;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.NotificationPreferencesView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.HtmlPage;
import com.pixfino.server.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The signed-in user's notification preferences, and the page behind the unsubscribe link of every non-essential
 * mail: opening it (a person, or a mail scanner following links) changes nothing; posting to it (the page's button,
 * or a mail client's RFC 8058 one-click POST) turns that one mail off without signing in.
 */
public record NotificationRoutes(Notifications notifications, JsonBody json) {

    @OpenApi(
            path = ApiPaths.ME_NOTIFICATIONS,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "Which non-essential mails the signed-in user gets",
            description = "Defaults: lowCredits and receipts on, weeklyDigest off. Such mails go only to a verified"
                    + " address; verification, password reset and password-changed mails are always sent.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NotificationPreferencesView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "An API key: account settings take a session",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void get(Context ctx) {
        ctx.json(notifications.preferences().get(Authenticated.of(ctx).userId()));
    }

    @OpenApi(
            path = ApiPaths.ME_NOTIFICATIONS,
            methods = HttpMethod.PUT,
            tags = "Account",
            summary = "Set which non-essential mails the signed-in user gets (all three booleans)",
            description = "lowCredits: a mail each time the balance falls below the low-credit threshold (once per"
                    + " fall). receipts: a receipt per credit purchase or subscription payment. weeklyDigest: on"
                    + " Mondays, the styles that became available that week. Answers the stored values.",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = NotificationPreferencesView.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NotificationPreferencesView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "missing_field, invalid_field (not true or false) or unknown_field, naming the"
                                + " field",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "An API key: account settings take a session",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void put(Context ctx) {
        NotificationPreferencesView wanted = json.read(ctx, NotificationPreferencesView.class);
        ctx.json(notifications.preferences().replace(Authenticated.of(ctx).userId(), wanted));
    }

    @OpenApi(
            path = ApiPaths.UNSUBSCRIBE_PAGE,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "The page an unsubscribe link opens: a button that turns that mail off (HTML)",
            description = "Opening it changes nothing (mail scanners follow links); the button posts to the same URL.",
            queryParams = @OpenApiParam(name = "token", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "400",
                        description = "Not a link we sent, or copied incompletely",
                        content = @OpenApiContent(type = "text/html"))
            })
    public void page(Context ctx) {
        String token = ctx.queryParam("token");
        Optional<UnsubscribeTokens.Subscription> subscription =
                notifications.unsubscribeTokens().read(token);
        if (subscription.isEmpty()) {
            invalidLink(ctx);
            return;
        }
        NotificationKind kind = subscription.get().kind();
        new HtmlPage("Unsubscribe from " + kind.words())
                .paragraph("Press the button to stop " + kind.words() + " from Pixfino. Other mail, such as password"
                        + " resets, still reaches you.")
                .button(
                        ApiPaths.UNSUBSCRIBE_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                        "Unsubscribe")
                .paragraph("You can turn it on again in Pixfino Studio under Account → Notifications.")
                .send(ctx, 200);
    }

    @OpenApi(
            path = ApiPaths.UNSUBSCRIBE_PAGE,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "One-click unsubscribe (RFC 8058): turns the link's mail off, no sign-in (HTML)",
            description = "Any body is accepted (mail clients send List-Unsubscribe=One-Click, form-encoded); only the"
                    + " token counts. Doing it again changes nothing and answers the same.",
            queryParams = @OpenApiParam(name = "token", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "400",
                        description = "Not a link we sent, or copied incompletely: nothing was changed",
                        content = @OpenApiContent(type = "text/html"))
            })
    public void unsubscribe(Context ctx) {
        Optional<UnsubscribeTokens.Subscription> subscription =
                notifications.unsubscribeTokens().read(ctx.queryParam("token"));
        if (subscription.isEmpty()) {
            invalidLink(ctx);
            return;
        }
        NotificationKind kind = subscription.get().kind();
        notifications.preferences().turnOff(subscription.get().userId(), kind);
        new HtmlPage("You are unsubscribed")
                .paragraph("Pixfino will send you no more " + kind.words() + ".")
                .paragraph("You can turn it on again in Pixfino Studio under Account → Notifications.")
                .send(ctx, 200);
    }

    private static void invalidLink(Context ctx) {
        new HtmlPage("This link does not work")
                .paragraph("This unsubscribe link is not one we sent, or it was copied incompletely, so nothing was"
                        + " changed.")
                .paragraph("Open the link from the mail again, or turn mails off in Pixfino Studio under Account →"
                        + " Notifications.")
                .send(ctx, 400);
    }
}
