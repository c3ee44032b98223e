package com.pixfino.studio.billing;

import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.SubscriptionView;
import java.util.Locale;
import java.util.Set;

/** What a user's subscription means for the plans screen, in Stripe's status words. */
final class Subscriptions {

    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired", "unpaid");

    private Subscriptions() {}

    static SubscriptionView of(UserView user) {
        return user == null ? null : user.subscription();
    }

    /** A subscription that still runs (past due included: Stripe is still retrying). */
    static boolean isLive(SubscriptionView subscription) {
        return subscription != null && !ENDED.contains(subscription.status());
    }

    static boolean isPastDue(SubscriptionView subscription) {
        return subscription != null && "past_due".equals(subscription.status());
    }

    /** The plan id the user is on: the live subscription's, else the tier's ("free"). */
    static String currentPlan(UserView user) {
        if (user == null) {
            return "";
        }
        if (isLive(user.subscription()) && user.subscription().plan() != null) {
            return user.subscription().plan();
        }
        return user.tier().name().toLowerCase(Locale.ROOT);
    }
}
