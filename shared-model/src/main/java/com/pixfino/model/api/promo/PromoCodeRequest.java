package com.pixfino.model.api.promo;

import java.time.OffsetDateTime;

/**
 * Body of {@code POST /api/v1/admin/promo-codes}: code 3–32 of A–Z, a–z, 0–9, _ and - (matched in any case, shown
 * upper-case), credits 1–10000, maxRedemptions 1–1000000, validFrom before validTo (ISO-8601 with an offset).
 */
public record PromoCodeRequest(
        String code, Integer credits, Integer maxRedemptions, OffsetDateTime validFrom, OffsetDateTime validTo) {}
