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
 * provider's safety filter would: a real result for the happy path, a real refund for the other. Jobs whose recipe
 * contains a held fragment (e.g. {@code "duotone"}: the cyberpunk styles) stay running until released, so a test can
 * look at, or close, a batch with work in flight.
 */
public final class PickyRenderer implements Provider {

    public static final String REASON = "The provider's safety filter rejected this photo.";

    private final LocalRendererProvider renderer;
    private volatile String held;

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

    /** Keeps every job whose recipe contains {@code recipeFragment} running until {@link #release()}. */
    public void hold(String recipeFragment) {
        held = recipeFragment;
    }

    public void release() {
        held = null;
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        if (request.prompt() != null && request.prompt().contains("fail")) {
            return new ProviderPoll.Failed("safety_filter", REASON);
        }
        String fragment = held;
        if (fragment != null
                && request.recipeJson() != null
                && request.recipeJson().contains(fragment)) {
            return new ProviderPoll.Running(null);
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
