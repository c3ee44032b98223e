package com.pixfino.model.api.billing;

/** {@code POST /api/v1/billing/checkout}: {@code item} is a plan id ("starter") or a pack id ("pack-20"). */
public record CheckoutRequest(String item) {}
