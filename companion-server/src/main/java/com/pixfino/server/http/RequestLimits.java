package com.pixfino.server.http;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitedException;
import com.pixfino.server.limits.RateLimits;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Runs after {@link BearerAuthentication} on every matched API route: counts the request against its credential's
 * budget (the API key or session) and its address's, creating requests (POST, PUT, PATCH, DELETE) apart from the
 * rest, and says how many are left in {@code X-RateLimit-Remaining}. The signed receivers of providers and Stripe are
 * not counted (their senders retry on a 429 and must not be slowed by a user's script).
 */
public final class RequestLimits implements Handler {

    private static final Set<String> CREATES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimits limits;
    private final Set<String> exempt;

    public RequestLimits(RateLimits limits, Set<String> exemptPaths) {
        this.limits = limits;
        this.exempt = Set.copyOf(exemptPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (!ctx.path().startsWith(ApiPaths.PREFIX + "/") || exempt.contains(ctx.endpointHandlerPath())) {
            return;
        }
        boolean create = CREATES.contains(ctx.method().name());
        long remaining;
        try {
            remaining = limits.takeAndCount(
                    create ? Budget.API_CREATES_PER_IP : Budget.API_REQUESTS_PER_IP, "ip:" + ctx.ip());
            if (Authenticated.isPresent(ctx)) {
                remaining = Math.min(
                        remaining,
                        limits.takeAndCount(
                                create ? Budget.API_CREATES_PER_CREDENTIAL : Budget.API_REQUESTS_PER_CREDENTIAL,
                                Authenticated.of(ctx).credential()));
            }
        } catch (RateLimitedException e) {
            ctx.header(ApiPaths.RATE_LIMIT_REMAINING_HEADER, "0");
            throw e;
        }
        if (remaining != Long.MAX_VALUE) {
            ctx.header(ApiPaths.RATE_LIMIT_REMAINING_HEADER, Long.toString(remaining));
        }
    }
}
