package com.pixfino.server.generation;

import com.pixfino.server.domain.DomainException;
import java.util.UUID;

/** How a create finds the caller's style: its base preset and the prompt, negative prompt and format it keeps. */
@FunctionalInterface
public interface StyleLookup {

    /** Styles are not available: every styleId is unknown. */
    StyleLookup NONE = (userId, styleId) -> {
        throw DomainException.notFound("Style " + styleId);
    };

    /** The caller's style; a 404 for an unknown id or another user's (never telling which). */
    Style style(UUID userId, UUID styleId);

    /**
     * What a create takes from a style. {@code prompt}, {@code negativePrompt} and {@code aspectRatio} may be null
     * (the style keeps none: the request's or the preset's apply).
     */
    record Style(UUID id, long basePresetId, String prompt, String negativePrompt, String aspectRatio) {}
}
