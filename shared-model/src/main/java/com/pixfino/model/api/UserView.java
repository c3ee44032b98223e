package com.pixfino.model.api;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.billing.SubscriptionView;
import java.util.UUID;

/**
 * The signed-in user as {@code GET /me} shows it. {@code subscription} is null without a live subscription;
 * {@code lowBalance} is true when credits are below the server's low-credit threshold; {@code emailVerified} is true
 * once the account opened the link mailed to its address (buying credits and creating API keys wait for it);
 * {@code referralCode} and {@code referralLink} ({@code {publicUrl}/join?ref=CODE}) invite others; {@code pendingEmail}
 * is the address a change of email waits on (its link not opened yet), null when none.
 */
public record UserView(
        UUID id,
        String email,
        String name,
        Role role,
        Tier tier,
        int credits,
        SubscriptionView subscription,
        boolean lowBalance,
        boolean emailVerified,
        String referralCode,
        String referralLink,
        String pendingEmail) {

    /** Without the referral facts (no code, no link) and without a pending change of address. */
    public UserView(
            UUID id,
            String email,
            String name,
            Role role,
            Tier tier,
            int credits,
            SubscriptionView subscription,
            boolean lowBalance,
            boolean emailVerified) {
        this(id, email, name, role, tier, credits, subscription, lowBalance, emailVerified, null, null, null);
    }

    /** Without the verification fact: a verified address. */
    public UserView(
            UUID id,
            String email,
            String name,
            Role role,
            Tier tier,
            int credits,
            SubscriptionView subscription,
            boolean lowBalance) {
        this(id, email, name, role, tier, credits, subscription, lowBalance, true);
    }

    /** Without billing facts: no subscription, balance not low, a verified address. */
    public UserView(UUID id, String email, String name, Role role, Tier tier, int credits) {
        this(id, email, name, role, tier, credits, null, false, true);
    }

    /** The same account with another balance; every other fact stays as read. */
    public UserView withBalance(int newCredits, boolean newLowBalance) {
        return new UserView(
                id,
                email,
                name,
                role,
                tier,
                newCredits,
                subscription,
                newLowBalance,
                emailVerified,
                referralCode,
                referralLink,
                pendingEmail);
    }
}
