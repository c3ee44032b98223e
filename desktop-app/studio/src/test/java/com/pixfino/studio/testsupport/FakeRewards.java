package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.rewards.Redemption;
import com.pixfino.studio.core.rewards.ReferralSummary;
import com.pixfino.studio.core.rewards.RewardsApi;
import com.pixfino.studio.rewards.InviteViewModel;
import com.pixfino.studio.rewards.RedeemViewModel;
import com.pixfino.studio.rewards.RewardsViewModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invite and redeem routes as the pinned contract describes them, over the fake server's balance: a known code
 * grants its credits once per account; the fake's {@code /me} then answers the new balance, as the real one does.
 */
public final class FakeRewards implements RewardsApi {

    private final FakeCompanionApi api;
    public ReferralSummary summary =
            new ReferralSummary("K7MPQR2X", "https://pixfino.example/join?ref=K7MPQR2X", true, 5, 4, 2, 10);
    /** Codes and the credits they give. */
    public final Map<String, Integer> codes = new HashMap<>(Map.of("WELCOME10", 10));

    public final List<String> redeemed = new ArrayList<>();
    /** Thrown by the next call instead of answering, then forgotten. */
    public IOException failure;

    public int referralCalls;

    public FakeRewards(FakeCompanionApi api) {
        this.api = api;
    }

    /** The account tab's model over this fake. */
    public RewardsViewModel model(SessionFixture fixture) {
        return new RewardsViewModel(
                new InviteViewModel(fixture.tasks, fixture.session, fixture.sessions, any -> this, fixture.messages),
                new RedeemViewModel(fixture.tasks, fixture.session, fixture.sessions, any -> this, fixture.messages));
    }

    @Override
    public ReferralSummary referrals() throws IOException {
        referralCalls++;
        fail();
        return summary;
    }

    @Override
    public Redemption redeem(String code) throws IOException {
        fail();
        String key = code.trim().toUpperCase(Locale.ROOT);
        Integer credits = codes.get(key);
        if (credits == null) {
            throw new CompanionApiException(404, "unknown_code", "No such promo code.");
        }
        if (redeemed.contains(key)) {
            throw new CompanionApiException(409, "already_redeemed", "You have redeemed this code already.");
        }
        redeemed.add(key);
        api.setCredits(api.user.credits() + credits);
        return new Redemption(key, credits, api.user.credits());
    }

    private void fail() throws IOException {
        IOException now = failure;
        failure = null;
        if (now != null) {
            throw now;
        }
    }
}
