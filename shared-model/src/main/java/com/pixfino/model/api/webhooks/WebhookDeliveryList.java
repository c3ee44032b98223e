package com.pixfino.model.api.webhooks;

import java.util.List;

/** {@code GET /webhooks/{id}/deliveries}: the latest attempts, newest first. */
public record WebhookDeliveryList(List<WebhookDeliveryView> items) {}
