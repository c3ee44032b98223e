package com.pixfino.model.api;

import com.pixfino.model.GenerationStatus;
import java.util.UUID;

/** What {@code GET /events} sends when one of the user's generations changes status. */
public record GenerationEvent(UUID generationId, GenerationStatus status, boolean refunded) {}
