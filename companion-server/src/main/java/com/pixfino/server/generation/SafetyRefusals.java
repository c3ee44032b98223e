package com.pixfino.server.generation;

import java.util.UUID;

/** Told once when a provider's safety check refused a generation (after it was failed and refunded). */
@FunctionalInterface
public interface SafetyRefusals {

    /** Nobody listens. */
    SafetyRefusals NONE = (generationId, reason) -> {};

    /** @param reason the provider's own explanation, as the generation's error message holds it */
    void refused(UUID generationId, String reason);
}
