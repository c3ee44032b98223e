package com.pixfino.studio.testsupport;

import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.local.LocalRendererProvider;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The server's real local renderer, except that a prompt containing "fail" fails the job the way a
 * provider's safety filter would: a real result for the happy path, a real refund for the other.
 */
public final class PickyRenderer implements Provider {

    public static final String REASON = "The provider's safety filter rejected this photo.";

    private final LocalRendererProvider renderer;

    public PickyRenderer(Path workDir) {
        this.renderer = new LocalRendererProvider(workDir);
    }

    @Override
    public String name() {
        return renderer.name();
    }

    @Override
    public Capabilities capabilities() {
        return renderer.capabilities();
    }

    @Override
    public String submit(ProviderRequest request) {
        return renderer.submit(request);
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        if (request.prompt() != null && request.prompt().contains("fail")) {
            return new ProviderPoll.Failed("safety_filter", REASON);
        }
        return renderer.poll(jobId, request);
    }

    @Override
    public void cancel(String jobId) {
        renderer.cancel(jobId);
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return renderer.estimateCost(request);
    }
}
