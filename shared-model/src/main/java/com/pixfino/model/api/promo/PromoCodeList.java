package com.pixfino.model.api.promo;

import java.util.List;

/** {@code GET /api/v1/admin/promo-codes}: every code, newest first. */
public record PromoCodeList(List<PromoCodeView> items) {}
