package com.pixfino.studio.core.rewards;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pixfino.studio.core.net.ApiRequests;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClient;
import java.io.IOException;
import java.util.Map;

/** {@link RewardsApi} over HTTP, on the signed-in client's connection pool and token. */
public final class RewardsClient implements RewardsApi {

    static final String REFERRALS = "/api/v1/me/referrals";
    static final String REDEEM = "/api/v1/credits/redeem";

    private final ApiRequests calls;

    public RewardsClient(ApiRequests calls) {
        this.calls = calls;
    }

    /** The rewards API of the session's own client. */
    public static RewardsApi of(CompanionApi signedIn) {
        if (signedIn instanceof CompanionClient client) {
            return new RewardsClient(client.requests());
        }
        throw new IllegalArgumentException("not an HTTP client of the companion server");
    }

    @Override
    public ReferralSummary referrals() throws IOException {
        return calls.get(REFERRALS, Map.of(), new TypeReference<ReferralSummary>() {});
    }

    @Override
    public Redemption redeem(String code) throws IOException {
        return calls.send("POST", REDEEM, Map.of("code", code), Redemption.class);
    }
}
