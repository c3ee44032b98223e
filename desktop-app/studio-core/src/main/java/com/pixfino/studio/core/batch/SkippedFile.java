package com.pixfino.studio.core.batch;

/**
 * A file the batch leaves alone and never charges for. {@code file}: its path relative to the input, '/'-separated;
 * {@code reason}: why, in a sentence for people.
 */
public record SkippedFile(String file, String reason) {}
