package com.pixfino.server.accounts;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.AcceptedView;
import com.pixfino.model.api.ChangeEmailRequest;
import com.pixfino.model.api.ChangePasswordRequest;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.PasswordResetConfirmRequest;
import com.pixfino.model.api.PasswordResetRequest;
import com.pixfino.model.api.PendingEmailView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.HtmlPage;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.RequestBase;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP face of {@link EmailVerification}, {@link PasswordReset} and {@link EmailChange}: the API, and the two small
 * pages the mails link to (they work in any browser, without the studio).
 */
public record AccountLifecycleRoutes(
        EmailVerification verification, PasswordReset reset, JsonBody json, EmailChange emailChange) {

    static final String RESET_ACCEPTED =
            "If an account has this address, a link to reset its password is on its way. It works for 30 minutes.";

    @OpenApi(
            path = ApiPaths.VERIFY_EMAIL_RESEND,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "Mail a new verification link to the signed-in user's address",
            description = "At most 3 an hour per account. Earlier links keep working until they expire (48 hours).",
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = AcceptedView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "already_verified: the address is verified, nothing was sent",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "Sent 3 times this hour already; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void resendVerification(Context ctx) {
        verification.resend(Authenticated.of(ctx).userId(), RequestBase.of(ctx));
        ctx.status(202).json(new AcceptedView("A new verification link is on its way to your email address."));
    }

    @OpenApi(
            path = ApiPaths.PASSWORD_RESET,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "Mail a password reset link (30 minutes, single use) if the address has an account",
            description = "Always the same 202, whether or not the address has an account; beyond 3 mails an hour per"
                    + " address nothing more is sent, silently.",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = PasswordResetRequest.class)),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = AcceptedView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "invalid_email: not an email address at all",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "Too many requests from this network; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void requestReset(Context ctx) {
        PasswordResetRequest request = json.read(ctx, PasswordResetRequest.class);
        reset.request(request.email(), ctx.ip(), RequestBase.of(ctx));
        ctx.status(202).json(new AcceptedView(RESET_ACCEPTED));
    }

    @OpenApi(
            path = ApiPaths.PASSWORD_RESET_CONFIRM,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "Set a new password with the token from a reset mail; signs out every session",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = PasswordResetConfirmRequest.class)),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        description = "invalid_token (used, expired or unknown), or weak_password (the token stays"
                                + " usable)",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void confirmReset(Context ctx) {
        PasswordResetConfirmRequest request = json.read(ctx, PasswordResetConfirmRequest.class);
        reset.confirm(request.token(), request.password());
        ctx.status(204);
    }

    @OpenApi(
            path = ApiPaths.PASSWORD,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "Change the signed-in user's password; signs out the other sessions and mails a notice",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ChangePasswordRequest.class)),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        description = "weak_password or missing_password",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "wrong_password: the current password is wrong (counts as a failed sign-in)",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "locked_out after too many failed sign-ins",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void changePassword(Context ctx) {
        ChangePasswordRequest request = json.read(ctx, ChangePasswordRequest.class);
        Authenticated auth = Authenticated.of(ctx);
        reset.change(auth.userId(), auth.tokenHash(), request.currentPassword(), request.newPassword(), ctx.ip());
        ctx.status(204);
    }

    @OpenApi(
            path = ApiPaths.EMAIL,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "Change the signed-in user's email address: mails the new address a link that applies it",
            description = "Needs the current password. The new address gets a link to GET /verify-email?token=… (works"
                    + " once, 48 hours); opening it moves the account there (verified) and mails a notice to the old"
                    + " address. Until then the account keeps its address, and /me shows the new one as"
                    + " pendingEmail. A newer request replaces the pending one (the older link stops working). At"
                    + " most 5 requests an hour per account.",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ChangeEmailRequest.class)),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = PendingEmailView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "invalid_email (newEmail is not an address), same_email (the account's address"
                                + " already) or missing_password",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "wrong_password: the current password is wrong (counts as a failed sign-in);"
                                + " an API key is refused too",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "email_taken: another account has this address",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "Too many changes asked for this hour, or locked out after failed sign-ins; see"
                                + " Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void changeEmail(Context ctx) {
        ChangeEmailRequest request = json.read(ctx, ChangeEmailRequest.class);
        ctx.status(202)
                .json(emailChange.request(
                        Authenticated.of(ctx).userId(),
                        request.currentPassword(),
                        request.newEmail(),
                        ctx.ip(),
                        RequestBase.of(ctx)));
    }

    @OpenApi(
            path = ApiPaths.VERIFY_EMAIL_PAGE,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "The page a verification or change-of-address mail links to: applies it on open (HTML)",
            description = "A sign-up link verifies the address; a change-of-address link moves the account to the"
                    + " address it was mailed to (verified) and mails a notice to the old one.",
            queryParams = @OpenApiParam(name = "token", required = true),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        description = "Verified, or the address changed",
                        content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "400",
                        description = "The link was used already, expired, was replaced or is not a link we sent",
                        content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "409",
                        description = "Another account took the new address in the meantime: nothing changed",
                        content = @OpenApiContent(type = "text/html"))
            })
    public void verifyPage(Context ctx) {
        String token = ctx.queryParam("token");
        if (verification.verify(token)) {
            new HtmlPage("Email address confirmed")
                    .paragraph("Thank you: your email address is confirmed. Buying credits and creating API keys are"
                            + " open to you now.")
                    .paragraph("You can close this tab and return to Pixfino Studio.")
                    .send(ctx, 200);
            return;
        }
        EmailChange.Result change = emailChange.apply(token);
        if (change.outcome() == EmailChange.Outcome.APPLIED) {
            new HtmlPage("Email address changed")
                    .paragraph("Your Pixfino account now uses " + change.email() + ", and it is confirmed. Sign in"
                            + " with this address from now on; a notice went to the old one.")
                    .paragraph("You can close this tab and return to Pixfino Studio.")
                    .send(ctx, 200);
            return;
        }
        if (change.outcome() == EmailChange.Outcome.TAKEN) {
            new HtmlPage("This address is taken")
                    .paragraph("Another account started using this email address after you asked for the change,"
                            + " so your account keeps its current address.")
                    .paragraph("To move your account, ask again in Pixfino Studio under Account with a different"
                            + " address.")
                    .send(ctx, 409);
            return;
        }
        new HtmlPage("This link does not work")
                .paragraph("This confirmation link was used already, has expired (links work for 48 hours), was"
                        + " replaced by a newer one, or was copied incompletely, so nothing was confirmed.")
                .paragraph("If your address is not confirmed yet, ask for a new link in Pixfino Studio under Account.")
                .send(ctx, 400);
    }

    @OpenApi(
            path = ApiPaths.RESET_PASSWORD_PAGE,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "The page a reset mail links to: a form for the new password (HTML)",
            queryParams = @OpenApiParam(name = "token", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "400",
                        description = "The link was used already, expired or is not a link we sent",
                        content = @OpenApiContent(type = "text/html"))
            })
    public void resetPage(Context ctx) {
        String token = ctx.queryParam("token");
        if (!reset.isUsable(token)) {
            invalidResetLink(ctx);
            return;
        }
        resetFormPage(token).send(ctx, 200);
    }

    @OpenApi(
            path = ApiPaths.RESET_PASSWORD_PAGE,
            methods = HttpMethod.POST,
            tags = "Account",
            summary = "The reset page's form (token, password as a form post): sets the password (HTML)",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
                @OpenApiResponse(
                        status = "400",
                        description = "A weak password (the form again) or a link that does not work",
                        content = @OpenApiContent(type = "text/html"))
            })
    public void resetForm(Context ctx) {
        Map<String, String> form = formFields(ctx);
        String token = form.get("token");
        try {
            reset.confirm(token, form.get("password"));
        } catch (DomainException e) {
            if ("invalid_token".equals(e.code())) {
                invalidResetLink(ctx);
                return;
            }
            new HtmlPage("Choose a new password")
                    .paragraph(e.getMessage())
                    .passwordForm(
                            ApiPaths.RESET_PASSWORD_PAGE, "New password", "password", "Set password", "token", token)
                    .send(ctx, 400);
            return;
        }
        new HtmlPage("Password changed")
                .paragraph("Your new password is set, and every session was signed out. Sign in with the new password"
                        + " in Pixfino Studio.")
                .send(ctx, 200);
    }

    /**
     * The url-encoded form, read from the body ourselves: a body that breaks off or arrives malformed (a bad chunk, a
     * short Content-Length) is a 400 in our words, where reading it through the servlet's parameters failed as a 500.
     */
    private static Map<String, String> formFields(Context ctx) {
        String body = new String(JsonBody.rawBody(ctx), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("unreadable_body", "The form could not be read: it holds a broken %-escape.");
        }
        return fields;
    }

    private static HtmlPage resetFormPage(String token) {
        return new HtmlPage("Choose a new password")
                .paragraph("Use at least 10 characters, mixing letters with digits or symbols. Setting it signs you"
                        + " out everywhere.")
                .passwordForm(ApiPaths.RESET_PASSWORD_PAGE, "New password", "password", "Set password", "token", token);
    }

    private static void invalidResetLink(Context ctx) {
        new HtmlPage("This link does not work")
                .paragraph("This password reset link was used already, has expired (links work for 30 minutes), or was"
                        + " copied incompletely, so nothing was changed.")
                .paragraph("Ask for a new one with \"Forgot password?\" on the sign-in screen of Pixfino Studio.")
                .send(ctx, 400);
    }
}
