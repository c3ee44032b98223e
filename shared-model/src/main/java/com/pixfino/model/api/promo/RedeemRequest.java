package com.pixfino.model.api.promo;

/** Body of {@code POST /api/v1/credits/redeem}: the code, in any case. */
public record RedeemRequest(String code) {}
