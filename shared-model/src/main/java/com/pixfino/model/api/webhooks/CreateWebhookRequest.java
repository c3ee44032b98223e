package com.pixfino.model.api.webhooks;

import java.util.List;

/** {@code POST /webhooks}: an https URL and the events to send ({@code generation.completed}, {@code generation.failed}). */
public record CreateWebhookRequest(String url, List<String> events) {}
