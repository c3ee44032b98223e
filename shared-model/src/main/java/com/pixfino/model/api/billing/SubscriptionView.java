package com.pixfino.model.api.billing;

import java.time.Instant;

/**
 * The live subscription in {@code GET /me}: {@code plan} as in the catalogue ("pro"), {@code status} Stripe's string
 * ("active", "past_due", …), {@code currentPeriodEnd} in UTC.
 */
public record SubscriptionView(String plan, String status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {}
