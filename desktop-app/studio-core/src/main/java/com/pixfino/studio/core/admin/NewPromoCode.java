package com.pixfino.studio.core.admin;

import java.time.Instant;

/** The body of {@code POST /api/v1/admin/promo-codes}. */
public record NewPromoCode(String code, int credits, int maxRedemptions, Instant validFrom, Instant validTo) {}
