package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.math.BigDecimal;

/**
 * A generation service: the local renderer, Replicate, fal.ai, OpenRouter. The job runner calls
 * {@link #submit} once, then {@link #poll} until the answer is final; every call goes through a
 * circuit breaker and a retry, so implementations only report what happened.
 *
 * <p>Implementations keep no state between calls that a server restart would lose: whatever they
 * need to poll again must be in the returned job id or the request.
 */
public interface Provider {

    /** The name presets use to pick this provider ({@code local}, {@code replicate}, …). */
    String name();

    Capabilities capabilities();

    /**
     * Starts the work and returns the provider's job id.
     *
     * @throws ProviderException when the provider refused or could not be reached
     */
    String submit(ProviderRequest request);

    /** Asks how the job is doing; never blocks for long. */
    ProviderPoll poll(String jobId, ProviderRequest request);

    /** Asks the provider to stop the job; best effort, an already finished job is fine. */
    void cancel(String jobId);

    /** What the provider is expected to charge us for the request, in USD. */
    BigDecimal estimateCost(ProviderRequest request);

    /**
     * The model this provider uses for {@code kind} when a generation fails over to it from a preset
     * that names another provider; {@code null} means it only takes presets that name it.
     */
    default String defaultModel(MediaKind kind) {
        return null;
    }
}
