package com.pixfino.model.api.billing;

/**
 * A subscription plan in {@code GET /billing/catalog}. {@code priceUsd} is decimal USD as text ("9.99"), never a float;
 * {@code purchasable} is false when the server has no Stripe price for it (or billing is not configured).
 */
public record PlanView(String id, String name, String priceUsd, int monthlyCredits, boolean purchasable) {}
