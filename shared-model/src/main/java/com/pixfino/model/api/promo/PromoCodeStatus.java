package com.pixfino.model.api.promo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a promo code stands now: {@code scheduled} before validFrom, {@code active} while it can be redeemed,
 * {@code expired} from validTo on (or once an admin expired it), {@code used_up} when maxRedemptions is reached.
 */
public enum PromoCodeStatus {
    @JsonProperty("scheduled")
    SCHEDULED,
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("expired")
    EXPIRED,
    @JsonProperty("used_up")
    USED_UP
}
