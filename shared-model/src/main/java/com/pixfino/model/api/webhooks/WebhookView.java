package com.pixfino.model.api.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as listed; {@code disabledAt}/{@code disabledReason} are set once it failed too often (add it again
 * to resume).
 */
public record WebhookView(
        UUID id,
        String url,
        List<String> events,
        OffsetDateTime createdAt,
        OffsetDateTime disabledAt,
        String disabledReason) {}
