package com.pixfino.model.api.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to {@code POST /api-keys}: the only time the full {@code key} ({@code pxf_...}) is shown. */
public record CreatedApiKey(
        UUID id, String name, String prefix, List<ApiKeyScope> scopes, OffsetDateTime createdAt, String key) {}
