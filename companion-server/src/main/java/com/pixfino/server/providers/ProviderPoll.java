package com.pixfino.server.providers;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** A provider's answer to a poll: still running, done with outputs, or failed for good. */
public sealed interface ProviderPoll {

    /** Still queued or working; {@code progressPercent} when the provider tells. */
    record Running(Integer progressPercent) implements ProviderPoll {}

    /** Finished; {@code costUsd} is what the provider charged, when it says. */
    record Succeeded(List<Output> outputs, BigDecimal costUsd) implements ProviderPoll {}

    /** Finished without a result; {@code message} is safe to show the user. */
    record Failed(String code, String message) implements ProviderPoll {}

    /** A result file, either in hand or to be downloaded (never hot-linked). */
    record Output(String contentType, byte[] bytes, URI url) {
        public static Output of(String contentType, byte[] bytes) {
            return new Output(contentType, bytes, null);
        }

        public static Output at(URI url, String contentType) {
            return new Output(contentType, null, url);
        }
    }
}
