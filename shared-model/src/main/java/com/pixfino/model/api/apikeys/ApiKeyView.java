package com.pixfino.model.api.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A key as listed: never the key itself, only its {@code prefix} (the 8 characters after {@code pxf_});
 * {@code lastUsedAt} is updated at most once a minute.
 */
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        List<ApiKeyScope> scopes,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt) {}
