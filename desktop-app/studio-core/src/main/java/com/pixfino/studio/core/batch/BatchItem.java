package com.pixfino.studio.core.batch;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One file × preset of a batch (a skipped file has one row per preset). {@code file}: path relative to the input,
 * '/'-separated; {@code output}: absolute path of the result file, null until known; {@code error}: a sentence for
 * people when failed, skipped or canceled.
 */
public record BatchItem(
        String file, String preset, ItemStatus status, int credits, Path output, UUID generationId, String error) {}
