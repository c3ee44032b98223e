package com.pixfino.model.api.styles;

import java.util.List;

/** {@code GET /api/v1/styles}: the caller's styles, newest first. */
public record StyleList(List<StyleView> items) {

    public StyleList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
