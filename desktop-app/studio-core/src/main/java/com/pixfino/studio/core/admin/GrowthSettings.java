package com.pixfino.studio.core.admin;

import java.time.Instant;

/**
 * {@code /api/v1/admin/settings}: whether referrals pay out, how much each side gets, how many referees a referrer is
 * rewarded for per calendar month, and the launch promo window (both null for none) that doubles the sign-up grant.
 */
public record GrowthSettings(
        boolean referralsEnabled,
        int referralCredits,
        int referralMonthlyCap,
        Instant launchPromoFrom,
        Instant launchPromoTo) {}
