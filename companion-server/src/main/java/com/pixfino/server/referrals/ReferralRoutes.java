package com.pixfino.server.referrals;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.ReferralsView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.HtmlPage;
import com.pixfino.server.http.RequestBase;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.util.Optional;

/** HTTP face of {@link Referrals}: the user's figures, and the page a referral link opens. */
public record ReferralRoutes(Referrals referrals) {

    @OpenApi(
            path = ApiPaths.ME_REFERRALS,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "The signed-in user's invitation code, link and referral figures",
            description = "referralLink is {PIXFINO_PUBLIC_URL}/join?ref={code}. enabled: whether referral rewards are"
                    + " on now (admins switch them on later); rewardCredits: what each side earns. joined: accounts"
                    + " registered with this code; rewarded: those that earned this user a reward (after they verified"
                    + " their address and completed their first generation; at most the monthly cap a calendar month,"
                    + " and only while this user's address is verified); creditsEarned: the credits of those rewards.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReferralsView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "An API key: account routes take the session token",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void mine(Context ctx) {
        ctx.json(referrals.view(Authenticated.of(ctx).userId(), RequestBase.of(ctx)));
    }

    @OpenApi(
            path = ApiPaths.JOIN_PAGE,
            methods = HttpMethod.GET,
            tags = "Account",
            summary = "The page a referral link opens (HTML)",
            description = "Says who to sign up with which code. An unknown code is a 404 page.",
            queryParams = @OpenApiParam(name = "ref", required = true, description = "the invitation code, any case"),
            responses = {
                @OpenApiResponse(status = "200", description = "An HTML page with the code to sign up with"),
                @OpenApiResponse(status = "404", description = "An HTML page: no account has this code")
            })
    public void joinPage(Context ctx) {
        Optional<String> code = referrals.knownCode(ctx.queryParam("ref"));
        if (code.isEmpty()) {
            new HtmlPage("Invitation not found")
                    .paragraph("This invitation link does not work: no Pixfino Studio account has this code.")
                    .paragraph("Check the link you were sent, or sign up in Pixfino Studio without a code.")
                    .send(ctx, 404);
            return;
        }
        new HtmlPage("You are invited")
                .paragraph("A friend invited you to Pixfino Studio; use code " + code.get() + " when you sign up.")
                .paragraph("Once you have confirmed your email address and made your first picture, you both get"
                        + " free credits (when the referral programme is running).")
                .send(ctx, 200);
    }
}
