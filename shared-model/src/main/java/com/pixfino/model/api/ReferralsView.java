package com.pixfino.model.api;

/**
 * {@code GET /me/referrals}: the signed-in user's invitation code and link; whether referral rewards are on now and how
 * many credits each side earns; how many accounts signed up with the code ({@code joined}), how many of them earned
 * this user a reward ({@code rewarded}) and the credits those rewards brought ({@code creditsEarned}).
 */
public record ReferralsView(
        String referralCode,
        String referralLink,
        boolean enabled,
        int rewardCredits,
        long joined,
        long rewarded,
        long creditsEarned) {}
