package com.pixfino.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.accounts.AccountRoutes;
import com.pixfino.server.admin.AdminRoutes;
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
import com.pixfino.server.http.RequestMetrics;
import com.pixfino.server.http.SecurityHeaders;
import com.pixfino.server.presets.PresetRoutes;
import com.pixfino.server.privacy.PrivacyRoutes;
import com.pixfino.server.uploads.UploadRoutes;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

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
            AdminRoutes admin,
            ProviderWebhookRoutes providerWebhooks,
            PrivacyRoutes privacy,
            BillingRoutes billing) {}

    private PixfinoApi() {}

    /** @param swaggerUi whether {@code /swagger} serves Swagger UI ({@code /openapi.json} is always served) */
    public static Javalin create(
            Handlers h,
            ObjectMapper mapper,
            PrometheusMeterRegistry metrics,
            long maxUploadBytes,
            String version,
            boolean swaggerUi) {
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
                            .withDefinitionProcessor(OpenApiConventions::process))));
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

        app.get(ApiPaths.HEALTH, h.health()::health, Access.PUBLIC);
        app.get(
                ApiPaths.METRICS,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()),
                Access.PUBLIC);

        app.post(ApiPaths.REGISTER, h.accounts()::register, Access.PUBLIC);
        app.post(ApiPaths.LOGIN, h.accounts()::login, Access.PUBLIC);
        app.post(ApiPaths.LOGOUT, h.accounts()::logout, Access.USER);
        app.get(ApiPaths.ME, h.accounts()::me, Access.USER);
        app.delete(ApiPaths.ME, h.privacy()::delete, Access.USER);
        app.get(ApiPaths.ME_EXPORT, h.privacy()::export, Access.USER);

        app.get(ApiPaths.PRESETS, h.presets()::list, Access.PUBLIC);

        app.post(ApiPaths.UPLOADS, h.uploads()::create, Access.USER);
        app.get(ApiPaths.UPLOAD, h.uploads()::get, Access.USER);
        app.get(ApiPaths.UPLOAD_THUMBNAIL, h.uploads()::thumbnail, Access.USER);

        app.get(ApiPaths.LEDGER, h.ledger()::list, Access.USER);

        app.post(ApiPaths.GENERATIONS, h.generations()::create, Access.USER);
        app.get(ApiPaths.GENERATIONS, h.generations()::list, Access.USER);
        app.get(ApiPaths.GENERATION, h.generations()::get, Access.USER);
        app.delete(ApiPaths.GENERATION, h.generations()::delete, Access.USER);
        app.post(ApiPaths.GENERATION_CANCEL, h.generations()::cancel, Access.USER);
        app.get(ApiPaths.GENERATION_OUTPUT, h.generations()::output, Access.USER);
        app.get(ApiPaths.GENERATION_THUMBNAIL, h.generations()::thumbnail, Access.USER);
        // Javalin only streams to clients that ask for SSE; say so instead of answering an empty 200
        app.before(ApiPaths.EVENTS, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new HttpResponseException(
                        406, "This is a Server-Sent Events stream: send Accept: text/event-stream.");
            }
        });
        app.sse(ApiPaths.EVENTS, h.generations()::events, Access.USER);
        // signed by the provider, not by a user token
        app.post(ProviderWebhookRoutes.PATH, h.providerWebhooks()::receive, Access.PUBLIC);

        app.get(ApiPaths.BILLING_CATALOG, h.billing()::catalog, Access.USER);
        app.post(ApiPaths.BILLING_CHECKOUT, h.billing()::checkout, Access.USER);
        app.post(ApiPaths.BILLING_PORTAL, h.billing()::portal, Access.USER);
        app.get(ApiPaths.BILLING_INVOICES, h.billing()::invoices, Access.USER);
        // signed by Stripe, not by a user token; the two pages are where the buyer's browser lands after Checkout
        app.post(ApiPaths.BILLING_WEBHOOK, h.billing()::webhook, Access.PUBLIC);
        app.get(ApiPaths.BILLING_SUCCESS_PAGE, h.billing()::success, Access.PUBLIC);
        app.get(ApiPaths.BILLING_CANCEL_PAGE, h.billing()::cancel, Access.PUBLIC);

        app.get(ApiPaths.ADMIN_USERS, h.admin()::listUsers, Access.ADMIN);
        app.post(ApiPaths.ADMIN_USER_CREDITS, h.admin()::adjustCredits, Access.ADMIN);
        return app;
    }
}
