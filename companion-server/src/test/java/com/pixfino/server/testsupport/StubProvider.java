package com.pixfino.server.testsupport;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderRequest;
import java.math.BigDecimal;
import java.util.EnumSet;

/**
 * A provider for tests that write only the calls they care about (usually submit and poll): it makes every
 * kind of media, has nothing to cancel and costs nothing.
 */
public abstract class StubProvider implements Provider {

    private final String name;

    protected StubProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(EnumSet.allOf(MediaKind.class), true);
    }

    @Override
    public void cancel(String jobId) {}

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return BigDecimal.ZERO;
    }
}
