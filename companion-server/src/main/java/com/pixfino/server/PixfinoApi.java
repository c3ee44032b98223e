package com.pixfino.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.accounts.AccountLifecycleRoutes;
import com.pixfino.server.accounts.AccountRoutes;
import com.pixfino.server.admin.AdminRoutes;
import com.pixfino.server.admin.AdminSettingsRoutes;
import com.pixfino.server.apikeys.ApiKeyRoutes;
import com.pixfino.server.billing.BillingRoutes;
import com.pixfino.server.credits.LedgerRoutes;
import com.pixfino.server.generation.GenerationRoutes;
import com.pixfino.server.generation.ProviderWebhookRoutes;
import com.pixfino.server.health.HealthRoutes;
import com.pixfino.server.http.Access;
import com.pixfino.server.http.BearerAuthentication;
import com.pixfino.server.http.ClientAddress;
import com.pixfino.server.http.ErrorMapping;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.JsonErrorPages;
import com.pixfino.server.http.OpenApiConventions;
import com.pixfino.server.http.RequestLimits;
import com.pixfino.server.http.RequestMetrics;
import com.pixfino.server.http.RouteTable;
import com.pixfino.server.http.SecurityHeaders;
import com.pixfino.server.library.LibraryRoutes;
import com.pixfino.server.moderation.ModerationRoutes;
import com.pixfino.server.notifications.NotificationRoutes;
import com.pixfino.server.presets.PresetRoutes;
import com.pixfino.server.privacy.PrivacyRoutes;
import com.pixfino.server.promo.PromoRoutes;
import com.pixfino.server.referrals.ReferralRoutes;
import com.pixfino.server.styles.StyleRoutes;
import com.pixfino.server.uploads.UploadRoutes;
import com.pixfino.server.webhooks.WebhookRoutes;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/** Builds the unstarted Javalin app from its handlers; every route of the API is declared here. */
public final class PixfinoApi {

    /** The handlers the API is made of. */
    public record Handlers(
            HealthRoutes health,
            AccountRoutes accounts,
            BearerAuthentication authentication,
            PresetRoutes presets,
            UploadRoutes uploads,
            LedgerRoutes ledger,
            GenerationRoutes generations,
            LibraryRoutes library,
            StyleRoutes styles,
            AdminRoutes admin,
            ModerationRoutes moderation,
            ProviderWebhookRoutes providerWebhooks,
            PrivacyRoutes privacy,
            BillingRoutes billing,
            ApiKeyRoutes apiKeys,
            WebhookRoutes webhooks,
            RequestLimits requestLimits,
            AccountLifecycleRoutes accountLifecycle,
            NotificationRoutes notifications,
            ReferralRoutes referrals,
            AdminSettingsRoutes adminSettings,
            PromoRoutes promo) {}

    /** A signed-in user, or an API key with the read scope. */
    private static final RouteRole[] READ = {Access.USER, Access.KEY_READ};
    /** A signed-in user, or an API key that may also create and change things. */
    private static final RouteRole[] GENERATE = {Access.USER, Access.KEY_GENERATE};

    private PixfinoApi() {}

    /**
     * @param swaggerUi   whether {@code /swagger} serves Swagger UI ({@code /openapi.json} is always served)
     * @param stopTimeout how long a stop lets the requests in flight finish
     * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} names the client
     */
    public static Javalin create(
            Handlers h,
            ObjectMapper mapper,
            PrometheusMeterRegistry metrics,
            long maxUploadBytes,
            String version,
            boolean swaggerUi,
            Duration stopTimeout,
            Set<String> trustedProxies) {
        // who may call each operation, as registered below: the API document's security requirements come from it
        Map<String, Set<RouteRole>> access = new ConcurrentHashMap<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.prefer405over404 = true;
            config.contextResolver.ip = ctx ->
                    ClientAddress.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), trustedProxies);
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            // every answer carries the security headers, and Jetty's own refusals are JSON like ours
            config.jetty.modifyServer(server -> {
                server.insertHandler(new SecurityHeaders());
                server.setErrorHandler(new JsonErrorPages(mapper));
                // graceful stop: Jetty stops accepting, then waits for the requests this handler counts (up to the
                // timeout)
                server.insertHandler(new StatisticsHandler());
                server.setStopTimeout(stopTimeout.toMillis());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorPages(mapper)));
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.multipartConfig.maxFileSize(maxUploadBytes + 1, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.registerPlugin(new OpenApiPlugin(openApi -> openApi.withDocumentationPath(ApiPaths.OPENAPI)
                    .withDefinitionConfiguration((v, definition) -> definition
                            .withInfo(info -> info.title("Pixfino companion server")
                                    .version(version)
                                    .description(
                                            "Accounts, credits, presets, uploads and generations for Pixfino Studio."))
                            .withDefinitionProcessor(document -> OpenApiConventions.process(document, access)))));
            if (swaggerUi) {
                config.registerPlugin(new SwaggerPlugin(swagger -> {
                    swagger.setDocumentationPath(ApiPaths.OPENAPI);
                    swagger.setUiPath("/swagger");
                }));
            }
        });
        ErrorMapping.install(app);
        RequestMetrics.install(app, metrics);
        app.beforeMatched(h.authentication());
        app.beforeMatched(h.requestLimits());

        RouteTable routes = new RouteTable(app, access);
        routes.get(ApiPaths.HEALTH, h.health()::health, Access.PUBLIC);
        routes.get(
                ApiPaths.METRICS,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()),
                Access.PUBLIC);

        routes.post(ApiPaths.REGISTER, h.accounts()::register, Access.PUBLIC);
        routes.post(ApiPaths.LOGIN, h.accounts()::login, Access.PUBLIC);
        routes.post(ApiPaths.LOGOUT, h.accounts()::logout, Access.USER);
        routes.get(ApiPaths.ME, h.accounts()::me, READ);
        routes.delete(ApiPaths.ME, h.privacy()::delete, Access.USER);
        routes.get(ApiPaths.ME_EXPORT, h.privacy()::export, Access.USER);
        // issue 16: email verification and password reset; the two pages are where links in mails land
        routes.post(ApiPaths.VERIFY_EMAIL_RESEND, h.accountLifecycle()::resendVerification, Access.USER);
        routes.post(ApiPaths.PASSWORD_RESET, h.accountLifecycle()::requestReset, Access.PUBLIC);
        routes.post(ApiPaths.PASSWORD_RESET_CONFIRM, h.accountLifecycle()::confirmReset, Access.PUBLIC);
        routes.post(ApiPaths.PASSWORD, h.accountLifecycle()::changePassword, Access.USER);
        routes.get(ApiPaths.VERIFY_EMAIL_PAGE, h.accountLifecycle()::verifyPage, Access.PUBLIC);
        routes.get(ApiPaths.RESET_PASSWORD_PAGE, h.accountLifecycle()::resetPage, Access.PUBLIC);
        routes.post(ApiPaths.RESET_PASSWORD_PAGE, h.accountLifecycle()::resetForm, Access.PUBLIC);
        // issue 16: notification preferences (session only, like the other account settings); the unsubscribe page is
        // public: its signed token is the authority, so a mail client's one-click POST needs no sign-in
        routes.get(ApiPaths.ME_NOTIFICATIONS, h.notifications()::get, Access.USER);
        routes.put(ApiPaths.ME_NOTIFICATIONS, h.notifications()::put, Access.USER);
        routes.get(ApiPaths.UNSUBSCRIBE_PAGE, h.notifications()::page, Access.PUBLIC);
        routes.post(ApiPaths.UNSUBSCRIBE_PAGE, h.notifications()::unsubscribe, Access.PUBLIC);
        // issue 16: referrals (the join page is where a referral link lands) and the admin's platform settings
        routes.get(ApiPaths.ME_REFERRALS, h.referrals()::mine, Access.USER);
        routes.get(ApiPaths.JOIN_PAGE, h.referrals()::joinPage, Access.PUBLIC);
        routes.get(ApiPaths.ADMIN_SETTINGS, h.adminSettings()::get, Access.ADMIN);
        routes.put(ApiPaths.ADMIN_SETTINGS, h.adminSettings()::put, Access.ADMIN);
        // issue 16: change of address (its link lands on the verify page), promo codes
        routes.post(ApiPaths.EMAIL, h.accountLifecycle()::changeEmail, Access.USER);
        routes.post(ApiPaths.CREDITS_REDEEM, h.promo()::redeem, Access.USER);
        routes.get(ApiPaths.ADMIN_PROMO_CODES, h.promo()::list, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_PROMO_CODES, h.promo()::create, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_PROMO_CODE_EXPIRE, h.promo()::expire, Access.ADMIN);

        routes.get(ApiPaths.PRESETS, h.presets()::list, Access.PUBLIC);
        routes.get(ApiPaths.PRESET_THUMBNAIL, h.presets()::thumbnail, Access.PUBLIC);

        routes.post(ApiPaths.UPLOADS, h.uploads()::create, GENERATE);
        routes.get(ApiPaths.UPLOAD, h.uploads()::get, READ);
        routes.get(ApiPaths.UPLOAD_THUMBNAIL, h.uploads()::thumbnail, READ);

        routes.get(ApiPaths.LEDGER, h.ledger()::list, READ);

        routes.post(ApiPaths.GENERATIONS, h.generations()::create, GENERATE);
        routes.get(ApiPaths.GENERATIONS, h.generations()::list, READ);
        routes.get(ApiPaths.GENERATION, h.generations()::get, READ);
        // library edits change what a key holder sees, like delete: the generate scope
        routes.patch(ApiPaths.GENERATION, h.library()::patchGeneration, GENERATE);
        routes.get(ApiPaths.LIBRARY_CHANGES, h.library()::changes, READ);
        routes.post(ApiPaths.COLLECTIONS, h.library()::createCollection, GENERATE);
        routes.patch(ApiPaths.COLLECTION, h.library()::renameCollection, GENERATE);
        routes.delete(ApiPaths.COLLECTION, h.library()::deleteCollection, GENERATE);
        routes.post(ApiPaths.COLLECTION_ITEMS, h.library()::collectionItems, GENERATE);
        // styles change what a key holder's generations use, like the library edits: the generate scope
        routes.post(ApiPaths.STYLES, h.styles()::create, GENERATE);
        routes.get(ApiPaths.STYLES, h.styles()::list, READ);
        routes.get(ApiPaths.STYLE, h.styles()::get, READ);
        routes.patch(ApiPaths.STYLE, h.styles()::patch, GENERATE);
        routes.delete(ApiPaths.STYLE, h.styles()::delete, GENERATE);
        routes.get(ApiPaths.PROMPTS, h.styles()::prompts, READ);
        routes.delete(ApiPaths.GENERATION, h.generations()::delete, GENERATE);
        routes.post(ApiPaths.GENERATION_CANCEL, h.generations()::cancel, GENERATE);
        routes.get(ApiPaths.GENERATION_OUTPUT, h.generations()::output, READ);
        routes.get(ApiPaths.GENERATION_THUMBNAIL, h.generations()::thumbnail, READ);
        // Javalin only streams to clients that ask for SSE; say so instead of answering an empty 200 (after the
        // credential is checked, so a revoked key is a 401 here too)
        app.beforeMatched(ApiPaths.EVENTS, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new HttpResponseException(
                        406, "This is a Server-Sent Events stream: send Accept: text/event-stream.");
            }
        });
        app.sse(ApiPaths.EVENTS, h.generations()::events, READ);
        access.put("GET " + ApiPaths.EVENTS, Set.of(READ));
        // signed by the provider, not by a user token
        routes.post(ProviderWebhookRoutes.PATH, h.providerWebhooks()::receive, Access.PUBLIC);

        routes.get(ApiPaths.BILLING_CATALOG, h.billing()::catalog, Access.USER);
        routes.post(ApiPaths.BILLING_CHECKOUT, h.billing()::checkout, Access.USER);
        routes.post(ApiPaths.BILLING_PORTAL, h.billing()::portal, Access.USER);
        routes.get(ApiPaths.BILLING_INVOICES, h.billing()::invoices, Access.USER);
        // signed by Stripe, not by a user token; the two pages are where the buyer's browser lands after Checkout
        routes.post(ApiPaths.BILLING_WEBHOOK, h.billing()::webhook, Access.PUBLIC);
        routes.get(ApiPaths.BILLING_SUCCESS_PAGE, h.billing()::success, Access.PUBLIC);
        routes.get(ApiPaths.BILLING_CANCEL_PAGE, h.billing()::cancel, Access.PUBLIC);

        routes.get(ApiPaths.ADMIN_USERS, h.admin()::listUsers, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_USER_CREDITS, h.admin()::adjustCredits, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_USER_SUSPEND, h.admin()::suspend, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_USER_UNSUSPEND, h.admin()::unsuspend, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_STATS, h.admin()::stats, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_STATS_DAILY, h.admin()::dailyStats, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_AUDIT, h.admin()::audit, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_PRESETS, h.admin()::listPresets, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_PRESETS, h.admin()::createPreset, Access.ADMIN);
        routes.put(ApiPaths.ADMIN_PRESET, h.admin()::replacePreset, Access.ADMIN);
        routes.patch(ApiPaths.ADMIN_PRESET, h.admin()::patchPreset, Access.ADMIN);
        routes.put(ApiPaths.ADMIN_PRESET_THUMBNAIL, h.admin()::replacePresetThumbnail, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_MODERATION_WORDS, h.moderation()::getWords, Access.ADMIN);
        routes.put(ApiPaths.ADMIN_MODERATION_WORDS, h.moderation()::replaceWords, Access.ADMIN);
        routes.get(ApiPaths.ADMIN_MODERATION_FLAGS, h.moderation()::listFlags, Access.ADMIN);
        routes.post(ApiPaths.ADMIN_MODERATION_FLAG_RESOLVE, h.moderation()::resolve, Access.ADMIN);
        // the owner reports a result: a write, like delete, so the generate scope
        routes.post(ApiPaths.GENERATION_REPORT, h.moderation()::report, GENERATE);

        routes.post(ApiPaths.API_KEYS, h.apiKeys()::create, Access.USER);
        routes.get(ApiPaths.API_KEYS, h.apiKeys()::list, Access.USER);
        routes.delete(ApiPaths.API_KEY, h.apiKeys()::revoke, Access.USER);

        routes.post(ApiPaths.WEBHOOKS, h.webhooks()::create, Access.USER);
        routes.get(ApiPaths.WEBHOOKS, h.webhooks()::list, Access.USER);
        routes.delete(ApiPaths.WEBHOOK, h.webhooks()::delete, Access.USER);
        routes.post(ApiPaths.WEBHOOK_TEST, h.webhooks()::test, Access.USER);
        routes.get(ApiPaths.WEBHOOK_DELIVERIES, h.webhooks()::deliveries, Access.USER);

        return app;
    }
}
