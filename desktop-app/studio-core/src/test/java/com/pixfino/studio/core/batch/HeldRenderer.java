package com.pixfino.studio.core.batch;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.local.LocalRendererProvider;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The server's real local renderer, which can be held: while held every job stays RUNNING, so a test can stop, crash
 * or cancel a batch with generations in flight, then release it.
 */
final class HeldRenderer implements Provider {

    private final LocalRendererProvider renderer;
    private volatile boolean held;
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    HeldRenderer(Path workDir) {
        this.renderer = new LocalRendererProvider(workDir);
    }

    void hold() {
        held = true;
    }

    void release() {
        held = false;
        failures.set(0);
    }

    /** The next {@code count} jobs fail the way a provider's safety filter fails them (the server refunds). */
    void failNext(int count) {
        failures.set(count);
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
    public String defaultModel(MediaKind kind) {
        return renderer.defaultModel(kind);
    }

    @Override
    public String submit(ProviderRequest request) {
        return renderer.submit(request);
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        if (held) {
            return new ProviderPoll.Running(null);
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new ProviderPoll.Failed("safety_filter", "The provider's safety filter rejected this photo.");
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
