package com.pixfino.studio.core.rewards;

import java.io.IOException;

/**
 * The signed-in user's invites and promo codes. Blocking: run it through the TaskExecutor. A refusal is a
 * {@code CompanionApiException} whose code says which: {@code unknown_code} (404), {@code expired} (410),
 * {@code used_up} and {@code already_redeemed} (409), or a 429 with the wait.
 */
public interface RewardsApi {

    ReferralSummary referrals() throws IOException;

    /** Redeems {@code code} (the server ignores its case) once for this account. */
    Redemption redeem(String code) throws IOException;
}
