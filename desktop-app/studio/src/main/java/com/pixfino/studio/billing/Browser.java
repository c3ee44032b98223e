package com.pixfino.studio.billing;

import java.io.IOException;

/**
 * Opens a web page in the user's browser: Stripe Checkout, the billing portal, an invoice. The system browser in
 * production, a hook the test completes in tests. May block: call it off the UI thread.
 */
@FunctionalInterface
public interface Browser {

    void open(String url) throws IOException;
}
