package com.pixfino.model.api.webhooks;

import java.util.List;

/** {@code GET /webhooks}: the caller's endpoints, newest first. */
public record WebhookList(List<WebhookView> items) {}
