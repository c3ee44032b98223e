package com.pixfino.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.accounts.AccountRoutes;
import com.pixfino.server.admin.AdminRoutes;
import com.pixfino.server.apikeys.ApiKeyRoutes;
import com.pixfino.server.billing.BillingRoutes;
import com.pixfino.server.credits.LedgerRoutes;
import com.pixfino.server.generation.GenerationRoutes;
import com.pixfino.server.generation.ProviderWebhookRoutes;
import com.pixfino.server.health.HealthRoutes;
import com.pixfino.server.http.Access;
import com.pixfino.server.http.BearerAuthentication;
import com.pixfino.server.http.ErrorMapping;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.JsonErrorPages;
import com.pixfino.server.http.OpenApiConventions;
import com.pixfino.server.http.RequestLimits;
import com.pixfino.server.http.RequestMetrics;
import com.pixfino.server.http.SecurityHeaders;
import com.pixfino.server.library.LibraryRoutes;
import com.pixfino.server.presets.PresetRoutes;
import com.pixfino.server.privacy.PrivacyRoutes;
import com.pixfino.server.styles.StyleRoutes;
import com.pixfino.server.uploads.UploadRoutes;
import com.pixfino.server.webhooks.WebhookRoutes;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
            ProviderWebhookRoutes providerWebhooks,
            PrivacyRoutes privacy,
            BillingRoutes billing,
            ApiKeyRoutes apiKeys,
            WebhookRoutes webhooks,
            RequestLimits requestLimits) {}

    private PixfinoApi() {}

    /** @param swaggerUi whether {@code /swagger} serves Swagger UI ({@code /openapi.json} is always served) */
    public static Javalin create(
            Handlers h,
            ObjectMapper mapper,
            PrometheusMeterRegistry metrics,
            long maxUploadBytes,
            String version,
            boolean swaggerUi) {
        // who may call each operation, as registered below: the API document's security requirements come from it
        Map<String, Set<RouteRole>> access = new ConcurrentHashMap<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            // every answer carries the security headers, and Jetty's own refusals are JSON like ours
            config.jetty.modifyServer(server -> {
                server.insertHandler(new SecurityHeaders());
                server.setErrorHandler(new JsonErrorPages(mapper));
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

        route(app, access, HandlerType.GET, ApiPaths.HEALTH, h.health()::health, Access.PUBLIC);
        route(
                app,
                access,
                HandlerType.GET,
                ApiPaths.METRICS,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()),
                Access.PUBLIC);

        route(app, access, HandlerType.POST, ApiPaths.REGISTER, h.accounts()::register, Access.PUBLIC);
        route(app, access, HandlerType.POST, ApiPaths.LOGIN, h.accounts()::login, Access.PUBLIC);
        route(app, access, HandlerType.POST, ApiPaths.LOGOUT, h.accounts()::logout, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.ME, h.accounts()::me, Access.USER, Access.KEY_READ);
        route(app, access, HandlerType.DELETE, ApiPaths.ME, h.privacy()::delete, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.ME_EXPORT, h.privacy()::export, Access.USER);

        route(app, access, HandlerType.GET, ApiPaths.PRESETS, h.presets()::list, Access.PUBLIC);

        route(app, access, HandlerType.POST, ApiPaths.UPLOADS, h.uploads()::create, Access.USER, Access.KEY_GENERATE);
        route(app, access, HandlerType.GET, ApiPaths.UPLOAD, h.uploads()::get, Access.USER, Access.KEY_READ);
        route(
                app,
                access,
                HandlerType.GET,
                ApiPaths.UPLOAD_THUMBNAIL,
                h.uploads()::thumbnail,
                Access.USER,
                Access.KEY_READ);

        route(app, access, HandlerType.GET, ApiPaths.LEDGER, h.ledger()::list, Access.USER, Access.KEY_READ);

        route(
                app,
                access,
                HandlerType.POST,
                ApiPaths.GENERATIONS,
                h.generations()::create,
                Access.USER,
                Access.KEY_GENERATE);
        route(app, access, HandlerType.GET, ApiPaths.GENERATIONS, h.generations()::list, Access.USER, Access.KEY_READ);
        route(app, access, HandlerType.GET, ApiPaths.GENERATION, h.generations()::get, Access.USER, Access.KEY_READ);
        // library edits change what a key holder sees, like delete: the generate scope
        route(
                app,
                access,
                HandlerType.PATCH,
                ApiPaths.GENERATION,
                h.library()::patchGeneration,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.GET,
                ApiPaths.LIBRARY_CHANGES,
                h.library()::changes,
                Access.USER,
                Access.KEY_READ);
        route(
                app,
                access,
                HandlerType.POST,
                ApiPaths.COLLECTIONS,
                h.library()::createCollection,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.PATCH,
                ApiPaths.COLLECTION,
                h.library()::renameCollection,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.DELETE,
                ApiPaths.COLLECTION,
                h.library()::deleteCollection,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.POST,
                ApiPaths.COLLECTION_ITEMS,
                h.library()::collectionItems,
                Access.USER,
                Access.KEY_GENERATE);
        // styles change what a key holder's generations use, like the library edits: the generate scope
        route(app, access, HandlerType.POST, ApiPaths.STYLES, h.styles()::create, Access.USER, Access.KEY_GENERATE);
        route(app, access, HandlerType.GET, ApiPaths.STYLES, h.styles()::list, Access.USER, Access.KEY_READ);
        route(app, access, HandlerType.GET, ApiPaths.STYLE, h.styles()::get, Access.USER, Access.KEY_READ);
        route(app, access, HandlerType.PATCH, ApiPaths.STYLE, h.styles()::patch, Access.USER, Access.KEY_GENERATE);
        route(app, access, HandlerType.DELETE, ApiPaths.STYLE, h.styles()::delete, Access.USER, Access.KEY_GENERATE);
        route(app, access, HandlerType.GET, ApiPaths.PROMPTS, h.styles()::prompts, Access.USER, Access.KEY_READ);
        route(
                app,
                access,
                HandlerType.DELETE,
                ApiPaths.GENERATION,
                h.generations()::delete,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.POST,
                ApiPaths.GENERATION_CANCEL,
                h.generations()::cancel,
                Access.USER,
                Access.KEY_GENERATE);
        route(
                app,
                access,
                HandlerType.GET,
                ApiPaths.GENERATION_OUTPUT,
                h.generations()::output,
                Access.USER,
                Access.KEY_READ);
        route(
                app,
                access,
                HandlerType.GET,
                ApiPaths.GENERATION_THUMBNAIL,
                h.generations()::thumbnail,
                Access.USER,
                Access.KEY_READ);
        // Javalin only streams to clients that ask for SSE; say so instead of answering an empty 200 (after the
        // credential is checked, so a revoked key is a 401 here too)
        app.beforeMatched(ApiPaths.EVENTS, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new HttpResponseException(
                        406, "This is a Server-Sent Events stream: send Accept: text/event-stream.");
            }
        });
        app.sse(ApiPaths.EVENTS, h.generations()::events, Access.USER, Access.KEY_READ);
        access.put("GET " + ApiPaths.EVENTS, Set.of(Access.USER, Access.KEY_READ));
        // signed by the provider, not by a user token
        route(app, access, HandlerType.POST, ProviderWebhookRoutes.PATH, h.providerWebhooks()::receive, Access.PUBLIC);

        route(app, access, HandlerType.GET, ApiPaths.BILLING_CATALOG, h.billing()::catalog, Access.USER);
        route(app, access, HandlerType.POST, ApiPaths.BILLING_CHECKOUT, h.billing()::checkout, Access.USER);
        route(app, access, HandlerType.POST, ApiPaths.BILLING_PORTAL, h.billing()::portal, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.BILLING_INVOICES, h.billing()::invoices, Access.USER);
        // signed by Stripe, not by a user token; the two pages are where the buyer's browser lands after Checkout
        route(app, access, HandlerType.POST, ApiPaths.BILLING_WEBHOOK, h.billing()::webhook, Access.PUBLIC);
        route(app, access, HandlerType.GET, ApiPaths.BILLING_SUCCESS_PAGE, h.billing()::success, Access.PUBLIC);
        route(app, access, HandlerType.GET, ApiPaths.BILLING_CANCEL_PAGE, h.billing()::cancel, Access.PUBLIC);

        route(app, access, HandlerType.GET, ApiPaths.ADMIN_USERS, h.admin()::listUsers, Access.ADMIN);
        route(app, access, HandlerType.POST, ApiPaths.ADMIN_USER_CREDITS, h.admin()::adjustCredits, Access.ADMIN);
        route(app, access, HandlerType.POST, ApiPaths.ADMIN_USER_SUSPEND, h.admin()::suspend, Access.ADMIN);
        route(app, access, HandlerType.POST, ApiPaths.ADMIN_USER_UNSUSPEND, h.admin()::unsuspend, Access.ADMIN);
        route(app, access, HandlerType.GET, ApiPaths.ADMIN_STATS, h.admin()::stats, Access.ADMIN);
        route(app, access, HandlerType.GET, ApiPaths.ADMIN_STATS_DAILY, h.admin()::dailyStats, Access.ADMIN);
        route(app, access, HandlerType.GET, ApiPaths.ADMIN_AUDIT, h.admin()::audit, Access.ADMIN);
        route(app, access, HandlerType.GET, ApiPaths.ADMIN_PRESETS, h.admin()::listPresets, Access.ADMIN);
        route(app, access, HandlerType.POST, ApiPaths.ADMIN_PRESETS, h.admin()::createPreset, Access.ADMIN);
        route(app, access, HandlerType.PUT, ApiPaths.ADMIN_PRESET, h.admin()::replacePreset, Access.ADMIN);
        route(app, access, HandlerType.PATCH, ApiPaths.ADMIN_PRESET, h.admin()::patchPreset, Access.ADMIN);

        route(app, access, HandlerType.POST, ApiPaths.API_KEYS, h.apiKeys()::create, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.API_KEYS, h.apiKeys()::list, Access.USER);
        route(app, access, HandlerType.DELETE, ApiPaths.API_KEY, h.apiKeys()::revoke, Access.USER);

        route(app, access, HandlerType.POST, ApiPaths.WEBHOOKS, h.webhooks()::create, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.WEBHOOKS, h.webhooks()::list, Access.USER);
        route(app, access, HandlerType.DELETE, ApiPaths.WEBHOOK, h.webhooks()::delete, Access.USER);
        route(app, access, HandlerType.POST, ApiPaths.WEBHOOK_TEST, h.webhooks()::test, Access.USER);
        route(app, access, HandlerType.GET, ApiPaths.WEBHOOK_DELIVERIES, h.webhooks()::deliveries, Access.USER);

        return app;
    }

    private static void route(
            Javalin app,
            Map<String, Set<RouteRole>> access,
            HandlerType method,
            String path,
            Handler handler,
            RouteRole... roles) {
        app.addHttpHandler(method, path, handler, roles);
        access.put(method.name().toUpperCase(Locale.ROOT) + " " + path, Set.of(roles));
    }
}
