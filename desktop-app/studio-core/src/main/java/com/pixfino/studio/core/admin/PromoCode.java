package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.Locale;

/**
 * A promo code as {@code /api/v1/admin/promo-codes} shows it: {@code redemptions} of {@code maxRedemptions} used,
 * valid in [{@code validFrom}, {@code validTo}).
 */
public record PromoCode(
        String code,
        int credits,
        int maxRedemptions,
        int redemptions,
        Instant validFrom,
        Instant validTo,
        Status status,
        Instant createdAt) {

    /** Where the code stands now; {@code UNKNOWN} for a word a newer server may add. */
    public enum Status {
        SCHEDULED,
        ACTIVE,
        EXPIRED,
        USED_UP,
        UNKNOWN;

        @JsonCreator
        public static Status of(String wire) {
            try {
                return wire == null ? UNKNOWN : valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        /** Whether Expire still means something: the code can still be (or become) redeemed. */
        public boolean isLive() {
            return this == SCHEDULED || this == ACTIVE;
        }
    }
}
