package com.pixfino.model.api.billing;

/** A one-time credit pack in {@code GET /billing/catalog}; its credits never expire. {@code priceUsd} is decimal USD as text. */
public record PackView(String id, int credits, String priceUsd, boolean purchasable) {}
