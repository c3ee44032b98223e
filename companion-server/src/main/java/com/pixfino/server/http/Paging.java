package com.pixfino.server.http;

import com.pixfino.server.domain.PageRequest;
import io.javalin.http.Context;

/** {@code limit} and {@code cursor} query parameters, read the same way on every list endpoint. */
public final class Paging {

    private Paging() {}

    public static PageRequest from(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = PageRequest.DEFAULT_LIMIT;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
        }
        return new PageRequest(limit, ctx.queryParam("cursor"));
    }
}
