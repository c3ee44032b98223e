package com.pixfino.model.api.library;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/collections/{id}/items}: generations to add and to remove; either may be left out. */
public record CollectionItemsRequest(List<UUID> add, List<UUID> remove) {}
