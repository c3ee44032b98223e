package com.pixfino.model.api.admin;

import java.time.OffsetDateTime;

/**
 * {@code GET/PUT /api/v1/admin/settings}: whether referral rewards are on, the credits each side earns
 * ({@code referralCredits}, 1–1000), how many referees a referrer can be rewarded for in a calendar month (UTC,
 * 0–10000), and the launch promo window {@code [launchPromoFrom, launchPromoTo)} (both null when there is none):
 * accounts created in it get double the Free sign-up credits. A PUT sends all five.
 */
public record AdminSettings(
        Boolean referralsEnabled,
        Integer referralCredits,
        Integer referralMonthlyCap,
        OffsetDateTime launchPromoFrom,
        OffsetDateTime launchPromoTo) {}
