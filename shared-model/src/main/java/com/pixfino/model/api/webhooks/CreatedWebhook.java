package com.pixfino.model.api.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /webhooks}: the only time the signing {@code secret} ({@code whsec_} + base64, as
 * Standard Webhooks) is shown.
 */
public record CreatedWebhook(UUID id, String url, List<String> events, OffsetDateTime createdAt, String secret) {}
