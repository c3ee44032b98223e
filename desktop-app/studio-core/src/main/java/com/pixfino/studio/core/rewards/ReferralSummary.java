package com.pixfino.studio.core.rewards;

/**
 * {@code GET /api/v1/me/referrals}: the signed-in user's invite link and what it earned. {@code enabled} says whether
 * the referral program pays out right now; {@code rewardCredits} is what each side gets when it does; {@code joined}
 * counts accounts registered with the code, {@code rewarded} those that earned a reward, {@code creditsEarned} the
 * credits the user got for them.
 */
public record ReferralSummary(
        String referralCode,
        String referralLink,
        boolean enabled,
        int rewardCredits,
        int joined,
        int rewarded,
        int creditsEarned) {}
