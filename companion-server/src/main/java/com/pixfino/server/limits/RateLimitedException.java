package com.pixfino.server.limits;

import com.pixfino.server.domain.DomainException;
import java.time.Duration;

/** A {@link Budget} is used up for this caller; {@link #retryAfter()} says when it has room again. */
public final class RateLimitedException extends DomainException {

    private final Budget budget;

    public RateLimitedException(Budget budget, Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, budget.code(), budget.message(Waits.describe(retryAfter)), retryAfter);
        this.budget = budget;
    }

    public Budget budget() {
        return budget;
    }
}
