package com.pixfino.model.api.styles;

import java.util.List;

/** {@code GET /api/v1/prompts?category=}: curated example prompts, at least five per preset category. */
public record PromptList(List<PromptExample> items) {

    public PromptList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
