package com.pixfino.model;

import java.math.BigDecimal;

/**
 * Subscription tiers with their list price per month. Monthly credits are server configuration;
 * {@link #defaultMonthlyCredits()} is what a server uses when nothing is configured.
 */
public enum Tier {
    FREE(new BigDecimal("0.00"), 5, false),
    STARTER(new BigDecimal("9.99"), 40, true),
    PRO(new BigDecimal("29.99"), 120, true),
    BUSINESS(new BigDecimal("79.99"), 350, true);

    private final BigDecimal monthlyPriceUsd;
    private final int defaultMonthlyCredits;
    private final boolean paid;

    Tier(BigDecimal monthlyPriceUsd, int defaultMonthlyCredits, boolean paid) {
        this.monthlyPriceUsd = monthlyPriceUsd;
        this.defaultMonthlyCredits = defaultMonthlyCredits;
        this.paid = paid;
    }

    public BigDecimal monthlyPriceUsd() {
        return monthlyPriceUsd;
    }

    public int defaultMonthlyCredits() {
        return defaultMonthlyCredits;
    }

    /** PRO presets are open to paid tiers only. */
    public boolean isPaid() {
        return paid;
    }
}
