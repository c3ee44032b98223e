package com.pixfino.model.api.library;

import java.util.UUID;

/** A collection as the change feed and the collection routes answer it; {@code version} grows on every change. */
public record CollectionView(UUID id, String name, int itemCount, long version) {}
