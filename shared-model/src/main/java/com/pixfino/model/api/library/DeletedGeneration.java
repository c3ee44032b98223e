package com.pixfino.model.api.library;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tombstone in the change feed: the generation was deleted at {@code deletedAt}. */
public record DeletedGeneration(UUID id, OffsetDateTime deletedAt) {}
