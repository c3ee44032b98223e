package com.pixfino.model.api;

import com.pixfino.model.GenerationStatus;
import java.util.UUID;

/** The 202 answer to {@code POST /generations}: the job is queued and already paid for. */
public record GenerationAccepted(UUID id, GenerationStatus status, int creditsCharged) {}
