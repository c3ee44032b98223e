package com.pixfino.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Credit and cost arithmetic shared by the server (admin margins) and the studio (cost preview).
 * Credits are integers; dollars are {@link BigDecimal}, never {@code double}.
 */
public final class CreditPricing {

    /** Blended revenue of one credit: a 4-credit photo sells for $1.08 in the product plan. */
    public static final BigDecimal USD_PER_CREDIT = new BigDecimal("0.27");

    /** Photo presets cost this many credits. */
    public static final int PHOTO_CREDITS = 4;
    /** Video presets cost between these bounds, by duration and model. */
    public static final int VIDEO_MIN_CREDITS = 20;

    public static final int VIDEO_MAX_CREDITS = 78;

    private CreditPricing() {}

    /** Revenue in dollars of {@code credits} credits. */
    public static BigDecimal revenueUsd(int credits) {
        return USD_PER_CREDIT.multiply(BigDecimal.valueOf(credits)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Gross margin in percent (one decimal) of selling {@code credits} credits for work that costs {@code apiCostUsd}. */
    public static BigDecimal marginPercent(int credits, BigDecimal apiCostUsd) {
        BigDecimal revenue = USD_PER_CREDIT.multiply(BigDecimal.valueOf(credits));
        if (revenue.signum() == 0) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        return revenue.subtract(apiCostUsd).multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
    }

    /** Balance left after spending {@code cost}; negative means the user cannot afford it. */
    public static int balanceAfter(int balance, int cost) {
        return Math.subtractExact(balance, cost);
    }
}
