package com.pixfino.model.api;

import java.util.UUID;

/**
 * Body of {@code POST /generations}: a preset (or one of the user's styles) applied to one of the user's uploads.
 *
 * <ul>
 *   <li>{@code presetId}: the preset; may be left out when {@code styleId} is given (the style's base preset).
 *   <li>{@code prompt}, {@code negativePrompt}: optional; a style's own are used when these are left out.
 *   <li>{@code aspectRatio}: one of {@code 1:1, 4:5, 3:4, 9:16, 16:9, 3:2} that the preset's model supports;
 *       default the style's, else the preset's {@code defaultAspectRatio}.
 *   <li>{@code seed}: 0 … 2^31−1; default random. Always recorded on the generation.
 *   <li>{@code groupId}: a client-chosen id that ties the takes (variations) of one request together.
 *   <li>{@code styleId}: one of the caller's styles.
 * </ul>
 */
public record CreateGenerationRequest(
        Long presetId,
        UUID uploadId,
        String prompt,
        String negativePrompt,
        String aspectRatio,
        Long seed,
        UUID groupId,
        UUID styleId) {

    /** The largest seed a request may give: 2^31−1. */
    public static final long MAX_SEED = Integer.MAX_VALUE;

    /** Today's three fields only: the preset's format, a random seed, no group, no style. */
    public CreateGenerationRequest(Long presetId, UUID uploadId, String prompt) {
        this(presetId, uploadId, prompt, null, null, null, null, null);
    }
}
