package com.pixfino.model.api;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.billing.SubscriptionView;
import java.util.UUID;

/**
 * The signed-in user as {@code GET /me} shows it. {@code subscription} is null without a live subscription;
 * {@code lowBalance} is true when credits are below the server's low-credit threshold.
 */
public record UserView(
        UUID id,
        String email,
        String name,
        Role role,
        Tier tier,
        int credits,
        SubscriptionView subscription,
        boolean lowBalance) {

    /** Without billing facts: no subscription, balance not low. */
    public UserView(UUID id, String email, String name, Role role, Tier tier, int credits) {
        this(id, email, name, role, tier, credits, null, false);
    }
}
