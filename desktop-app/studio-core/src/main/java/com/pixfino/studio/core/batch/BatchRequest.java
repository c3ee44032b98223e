package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.photo.PhotoPreparation;
import java.nio.file.Path;
import java.util.List;

/**
 * What a batch runs: every photo in {@code input} (and its subfolders when {@code recursive}) through every preset in
 * {@code presets}, results under {@code output} named by {@code nameTemplate}. Immutable; build it with {@link #of}
 * and the {@code with…} methods. {@code longEdge} is for the caller's {@link PhotoPreparation} (e.g. {@code new
 * PhotoPreparer(request.longEdge())}); the engine prepares with whatever preparation it was given.
 */
public record BatchRequest(
        Path input,
        Path output,
        List<String> presets,
        boolean recursive,
        boolean watch,
        boolean overwrite,
        String nameTemplate,
        int concurrency,
        Long maxCredits,
        int longEdge) {

    /** The naming template used when none is given: the input tree mirrored, the preset slug after the name. */
    public static final String DEFAULT_TEMPLATE = "{path}/{name}-{preset}.{ext}";

    /** How many items are in flight at once by default. */
    public static final int DEFAULT_CONCURRENCY = 4;

    public BatchRequest {
        presets = List.copyOf(presets);
    }

    /** Not recursive, no watch, no overwrite, the default template and concurrency, no credit cap. */
    public static BatchRequest of(Path input, Path output, List<String> presets) {
        return new BatchRequest(
                input,
                output,
                presets,
                false,
                false,
                false,
                DEFAULT_TEMPLATE,
                DEFAULT_CONCURRENCY,
                null,
                PhotoPreparation.DEFAULT_LONG_EDGE);
    }

    public BatchRequest withRecursive(boolean value) {
        return new BatchRequest(
                input, output, presets, value, watch, overwrite, nameTemplate, concurrency, maxCredits, longEdge);
    }

    public BatchRequest withWatch(boolean value) {
        return new BatchRequest(
                input, output, presets, recursive, value, overwrite, nameTemplate, concurrency, maxCredits, longEdge);
    }

    public BatchRequest withOverwrite(boolean value) {
        return new BatchRequest(
                input, output, presets, recursive, watch, value, nameTemplate, concurrency, maxCredits, longEdge);
    }

    public BatchRequest withNameTemplate(String value) {
        return new BatchRequest(
                input, output, presets, recursive, watch, overwrite, value, concurrency, maxCredits, longEdge);
    }

    public BatchRequest withConcurrency(int value) {
        return new BatchRequest(
                input, output, presets, recursive, watch, overwrite, nameTemplate, value, maxCredits, longEdge);
    }

    public BatchRequest withMaxCredits(Long value) {
        return new BatchRequest(
                input, output, presets, recursive, watch, overwrite, nameTemplate, concurrency, value, longEdge);
    }

    public BatchRequest withLongEdge(int value) {
        return new BatchRequest(
                input, output, presets, recursive, watch, overwrite, nameTemplate, concurrency, maxCredits, value);
    }
}
