package com.pixfino.server.domain;

import com.pixfino.model.api.Page;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read in a fixed order: at most {@code limit} items after the position the opaque
 * {@code cursor} names (none: the first page). Every paged list fetches, cuts and hands out cursors through this;
 * cursors are written and read with {@link PageCursor}.
 */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor.trim();
        if (cursor != null && cursor.length() > PageCursor.MAX_LENGTH) {
            throw invalidCursor();
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /**
     * The position the cursor names, read by {@code decode}; null on the first page. {@code decode} throws (anything)
     * for a cursor it did not make or whose values are out of range: that is a 400, never a query.
     */
    public <P> P position(Function<String, P> decode) {
        if (cursor == null) {
            return null;
        }
        try {
            return decode.apply(cursor);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static DomainException invalidCursor() {
        return DomainException.invalid(
                "invalid_cursor", "The cursor is not one this endpoint handed out; start again from the first page.");
    }

    /** How many rows to fetch: the one past the limit tells whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The page out of rows fetched with {@link #fetchSize()}; its next cursor names the last item kept. */
    public <T> Page<T> page(List<T> fetched, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
