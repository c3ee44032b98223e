package com.pixfino.server.admin;

import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.CreditAdjustmentRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.Paging;
import com.pixfino.server.http.PathIds;
import com.pixfino.server.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** Admin-only endpoints; the role is enforced before these run. */
public record AdminRoutes(AdminUsers users, JsonBody json) {

    @OpenApi(
            path = "/api/v1/admin/users",
            methods = HttpMethod.GET,
            summary = "Users, by email",
            queryParams = {
                @OpenApiParam(name = "q"),
                @OpenApiParam(name = "limit", type = Integer.class),
                @OpenApiParam(name = "cursor")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminUserView[].class)),
                @OpenApiResponse(status = "403")
            })
    public void listUsers(Context ctx) {
        ctx.json(users.list(QueryParams.text(ctx, "q").orElse(null), Paging.from(ctx)));
    }

    @OpenApi(
            path = "/api/v1/admin/users/{id}/credits",
            methods = HttpMethod.POST,
            summary = "Adjust a user's credits",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CreditAdjustmentRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = LedgerEntryView.class)),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "409")
            })
    public void adjustCredits(Context ctx) {
        UUID userId = PathIds.uuid(ctx, "id", "The user");
        CreditAdjustmentRequest request = json.read(ctx, CreditAdjustmentRequest.class);
        ctx.status(201).json(users.adjust(Authenticated.of(ctx).userId(), userId, request));
    }
}
