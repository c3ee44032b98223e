package com.pixfino.model.api.webhooks;

/** {@code POST /webhooks/{id}/test}: the ping was queued under this {@code webhook-id}. */
public record WebhookPingAccepted(String webhookId) {}
