package com.pixfino.server.health;

import com.pixfino.model.api.HealthView;
import com.pixfino.server.db.Database;
import com.pixfino.server.providers.GuardedProvider;
import com.pixfino.server.providers.ProviderRegistry;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.List;

/** Liveness with a database check and the providers' breakers; load balancers and the studio poll it. */
public record HealthRoutes(Database database, String version, ProviderRegistry providers) {

    @OpenApi(
            path = "/health",
            methods = HttpMethod.GET,
            summary = "Liveness, database and provider breakers",
            description =
                    "200 while the database answers, also when a provider's circuit is open (status degraded, with reasons); 503 when the database is down.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthView.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = HealthView.class))
            })
    public void health(Context ctx) {
        boolean up = database.isReachable();
        List<String> reasons = new ArrayList<>();
        if (!up) {
            reasons.add("database: down");
        }
        for (GuardedProvider provider : providers.all()) {
            if (provider.pausedFor().isPresent()) {
                reasons.add(provider.name() + ": circuit open");
            }
        }
        // an open breaker pauses some presets, not the instance: 200 keeps it behind the load balancer
        ctx.status(up ? 200 : 503)
                .json(new HealthView(reasons.isEmpty() ? "ok" : "degraded", up ? "ok" : "down", version, reasons));
    }
}
