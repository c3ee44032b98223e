package com.pixfino.model.api;

import java.util.UUID;

/** Body of {@code POST /generations}: a preset applied to one of the user's uploads, with an optional prompt. */
public record CreateGenerationRequest(Long presetId, UUID uploadId, String prompt) {}
