package com.pixfino.server.http;

import io.javalin.http.Context;

/** {@code limit} and {@code cursor} query parameters, validated the same way on every list endpoint. */
public record Paging(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static Paging from(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
            }
        }
        String cursor = ctx.queryParam("cursor");
        return new Paging(limit, cursor == null || cursor.isBlank() ? null : cursor.trim());
    }

    /** The cursor as a row id, for endpoints that page by a numeric key. */
    public Long numericCursor() {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_cursor", "The cursor is not one this endpoint handed out.");
        }
    }
}
