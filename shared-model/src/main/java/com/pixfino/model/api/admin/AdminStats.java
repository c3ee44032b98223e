package com.pixfino.model.api.admin;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.Tier;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/stats}: the platform's figures now. "Today" starts at 00:00 UTC; "this week" and "7d" are
 * the last 7 × 24 hours. Every map holds every tier or status, zeros included.
 */
public record AdminStats(
        Users users, Generations generations, Subscriptions subscriptions, Credits credits, Referrals referrals) {

    /** Without referral figures (all zero). */
    public AdminStats(Users users, Generations generations, Subscriptions subscriptions, Credits credits) {
        this(users, generations, subscriptions, credits, new Referrals(0, 0, 0));
    }

    /**
     * Referrals: {@code joined} accounts registered with someone's code, {@code rewarded} referrals that earned their
     * referrer a reward, {@code creditsGranted} every referral GRANT credit (both sides).
     */
    public record Referrals(long joined, long rewarded, long creditsGranted) {}

    /** Accounts; active = signed in (registering counts) or created a generation in the last 7 × 24 h. */
    public record Users(long total, long newThisWeek, long active7d, long suspended, Map<Tier, Long> byTier) {}

    /** Generations by creation time; a prompt refused by moderation creates none. */
    public record Generations(long today, long thisWeek, long total, Map<GenerationStatus, Long> byStatus) {}

    /** Live Stripe subscriptions (active, trialing or past due), by plan. */
    public record Subscriptions(long active, Map<Tier, Long> byTier) {}

    /**
     * Credit ledger sums, one per kind: {@code debited} and {@code expired} as positive numbers, {@code adjusted}
     * signed. {@code outstanding} is the sum of all balances and equals granted + purchased − debited + refunded +
     * adjusted − expired.
     */
    public record Credits(
            long granted, long purchased, long debited, long refunded, long adjusted, long expired, long outstanding) {}
}
