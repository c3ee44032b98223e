package com.pixfino.server.testsupport.stripe;

import com.pixfino.model.Tier;
import com.pixfino.server.billing.BillingSettings;
import com.pixfino.server.billing.CreditPack;
import com.pixfino.server.billing.StripeSettings;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.util.Map;
import java.util.Optional;

/** A test server whose billing talks to a {@link FakeStripe}: Starter and Pro have prices, Business has none. */
public final class StripeTestServer {

    private StripeTestServer() {}

    public static BillingSettings billing(FakeStripe stripe) {
        return BillingSettings.defaults()
                .withStripe(new StripeSettings(
                        FakeStripe.SECRET_KEY,
                        FakeStripe.WEBHOOK_SECRET,
                        stripe.uri(),
                        Map.of(Tier.STARTER, FakeStripe.PRICE_STARTER, Tier.PRO, FakeStripe.PRICE_PRO)));
    }

    public static TestServer start(FakeStripe stripe) {
        return TestServer.start(
                TestServer.config(TestDatabases.TestDirs.fresh("billing"), Optional.of(TestDatabases.freshDatabase()))
                        .withBilling(billing(stripe)));
    }

    /** The default packs, as the tests expect them. */
    public static CreditPack pack20() {
        return CreditPack.DEFAULTS.get(0);
    }
}
