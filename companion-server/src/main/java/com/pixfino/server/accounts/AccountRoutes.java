package com.pixfino.server.accounts;

import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.model.api.UserView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.RequestBase;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/** HTTP face of {@link AccountService}. */
public record AccountRoutes(AccountService accounts, JsonBody json) {

    @OpenApi(
            path = "/api/v1/auth/register",
            methods = HttpMethod.POST,
            summary = "Create an account",
            description =
                    "Signs in and mails a link that verifies the address (GET /verify-email?token=…). The optional"
                            + " referralCode (any case, spaces around it ignored) records who invited the account, whether"
                            + " referral rewards are on or not; an unknown one is a 400 unknown_referral_code.",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = RegisterRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = AuthResponse.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "Bad email, weak password, or unknown_referral_code (no account has that code)"),
                @OpenApiResponse(status = "409", description = "Email already registered"),
                @OpenApiResponse(
                        status = "429",
                        description = "Too many registrations from this address or for this email; see Retry-After")
            })
    public void register(Context ctx) {
        ctx.status(201).json(accounts.register(json.read(ctx, RegisterRequest.class), ctx.ip(), RequestBase.of(ctx)));
    }

    @OpenApi(
            path = "/api/v1/auth/login",
            methods = HttpMethod.POST,
            summary = "Sign in",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = LoginRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AuthResponse.class)),
                @OpenApiResponse(status = "401", description = "Wrong email or password"),
                @OpenApiResponse(
                        status = "429",
                        description =
                                "Too many attempts, or this email is locked out after failed sign-ins; see Retry-After")
            })
    public void login(Context ctx) {
        ctx.json(accounts.login(json.read(ctx, LoginRequest.class), ctx.ip(), RequestBase.of(ctx)));
    }

    @OpenApi(
            path = "/api/v1/auth/logout",
            methods = HttpMethod.POST,
            summary = "Revoke the current token",
            responses = @OpenApiResponse(status = "204"))
    public void logout(Context ctx) {
        accounts.logout(Authenticated.of(ctx).tokenHash());
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/me",
            methods = HttpMethod.GET,
            summary = "The signed-in user",
            description = "Includes referralCode (8 characters) and referralLink ({PIXFINO_PUBLIC_URL}/join?ref=CODE,"
                    + " else this server's address).",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = UserView.class)),
                @OpenApiResponse(status = "401")
            })
    public void me(Context ctx) {
        ctx.json(accounts.me(Authenticated.of(ctx).userId(), RequestBase.of(ctx)));
    }
}
