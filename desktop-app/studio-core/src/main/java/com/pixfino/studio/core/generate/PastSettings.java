package com.pixfino.studio.core.generate;

import com.pixfino.studio.core.gallery.GalleryItem;
import java.nio.file.Path;
import java.util.UUID;

/**
 * How a past result was made, for "Use again": its input photo on the server ({@code uploadId}, null when not known)
 * and the preview of it on this computer ({@code preview}, null when none is cached), the preset, prompt, negative
 * prompt, format ({@code "9:16"}), seed and style; any of them may be null when the result does not say.
 */
public record PastSettings(
        UUID uploadId,
        Path preview,
        long presetId,
        String prompt,
        String negativePrompt,
        String aspectRatio,
        Long seed,
        UUID styleId) {

    /** What {@code item} records; the gallery does not keep negative prompts (a style's own is applied by the server). */
    public static PastSettings of(GalleryItem item, Path preview) {
        GalleryItem.Provenance made = item.provenance();
        return new PastSettings(
                made.uploadId(),
                preview,
                made.presetId(),
                item.prompt(),
                null,
                made.aspectRatio(),
                made.seed(),
                made.styleId());
    }
}
