package com.pixfino.studio.core.testsupport;

import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.net.GenerationEventListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener that keeps, in order, what an event stream told it: {@link #OPENED}, each event, and the failure that
 * ended the stream (the canned body ending is one).
 */
public final class HeardEvents implements GenerationEventListener {

    public static final String OPENED = "opened";

    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();

    /** The next thing heard, waiting up to five seconds; null when nothing came. */
    public Object next() throws InterruptedException {
        return heard.poll(5, TimeUnit.SECONDS);
    }

    @Override
    public void opened() {
        heard.add(OPENED);
    }

    @Override
    public void event(GenerationEvent event) {
        heard.add(event);
    }

    @Override
    public void balance(BalanceEvent event) {
        heard.add(event);
    }

    @Override
    public void failed(Exception error) {
        heard.add(error);
    }
}
