package com.pixfino.server.health;

import com.pixfino.model.api.HealthView;
import com.pixfino.server.db.Database;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** Liveness with a database check; load balancers and the studio poll it. */
public final class HealthRoutes {

    private final Database database;
    private final String version;

    public HealthRoutes(Database database, String version) {
        this.database = database;
        this.version = version;
    }

    @OpenApi(path = "/health", methods = HttpMethod.GET, tags = "Operations", summary = "Liveness and database check",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthView.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = HealthView.class))
            })
    public void health(Context ctx) {
        boolean up = database.isReachable();
        ctx.status(up ? 200 : 503).json(new HealthView(up ? "ok" : "degraded", up ? "ok" : "down", version));
    }
}
