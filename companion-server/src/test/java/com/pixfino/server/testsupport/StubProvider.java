package com.pixfino.server.testsupport;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.DescribedProvider;
import com.pixfino.server.providers.ProviderRequest;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A provider for tests that write only the calls they care about (usually submit and poll): it makes every
 * kind of media, has nothing to cancel and costs nothing.
 */
public abstract class StubProvider extends DescribedProvider {

    protected StubProvider(String name) {
        this(name, Capabilities.everyKindFromPhoto(), Map.of());
    }

    protected StubProvider(String name, Capabilities capabilities, Map<MediaKind, String> defaultModels) {
        super(name, capabilities, defaultModels);
    }

    @Override
    public void cancel(String jobId) {}

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return BigDecimal.ZERO;
    }
}
