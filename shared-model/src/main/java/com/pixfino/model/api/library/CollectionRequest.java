package com.pixfino.model.api.library;

import java.util.UUID;

/**
 * {@code POST /api/v1/collections} and {@code PATCH /api/v1/collections/{id}}. On POST, {@code id} is optional: a
 * client that creates collections offline chooses it, and sending the same POST again answers the same collection
 * (idempotent); without it the server chooses one.
 */
public record CollectionRequest(UUID id, String name) {}
