package com.pixfino.server.credits;

import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.Paging;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

/** The signed-in user's ledger. */
public record LedgerRoutes(CreditLedger ledger) {

    @OpenApi(
            path = "/api/v1/credits/ledger",
            methods = HttpMethod.GET,
            summary = "Ledger rows, newest first",
            queryParams = {@OpenApiParam(name = "limit", type = Integer.class), @OpenApiParam(name = "cursor")},
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = LedgerEntryView[].class)))
    public void list(Context ctx) {
        ctx.json(ledger.entries(Authenticated.of(ctx).userId(), Paging.from(ctx)));
    }
}
