package com.pixfino.model.api.webhooks;

import java.time.OffsetDateTime;

/**
 * One attempt to deliver an event: {@code statusCode} is null when no answer came (timeout, refused connection;
 * {@code error} says which); retries of one event share its {@code webhookId}.
 */
public record WebhookDeliveryView(
        OffsetDateTime attemptedAt, String event, String webhookId, Integer statusCode, int attempt, String error) {}
