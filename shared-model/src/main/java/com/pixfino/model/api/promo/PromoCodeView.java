package com.pixfino.model.api.promo;

import java.time.OffsetDateTime;

/** A promo code as admins see it; {@code redemptions} is the live count, {@code status} is computed now. */
public record PromoCodeView(
        String code,
        int credits,
        int maxRedemptions,
        int redemptions,
        OffsetDateTime validFrom,
        OffsetDateTime validTo,
        PromoCodeStatus status,
        OffsetDateTime createdAt) {}
