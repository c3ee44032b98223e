package com.pixfino.server.generation;

import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.TestImages;
import java.math.BigDecimal;
import java.util.List;

/**
 * A slow provider for the crash test: each job finishes 4–12 s after its submission, long enough for jobs
 * to be in flight at the kill even when a loaded machine takes seconds to answer the last creates. The
 * due time lives in the job id, so a restarted server can poll a job submitted before the crash.
 */
final class SlowStatelessProvider extends StubProvider {

    private static final byte[] RESULT = TestImages.encode(TestImages.picture(320, 400), "jpg");

    SlowStatelessProvider() {
        super("local");
    }

    @Override
    public String submit(ProviderRequest request) {
        long due = System.currentTimeMillis()
                + 4000
                + Math.floorMod(request.generationId().hashCode(), 8000);
        return "slow:" + due;
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        long due = Long.parseLong(jobId.substring("slow:".length()));
        if (System.currentTimeMillis() < due) {
            return new ProviderPoll.Running(null);
        }
        return new ProviderPoll.Succeeded(
                List.of(ProviderPoll.Output.of("image/jpeg", RESULT)), new BigDecimal("0.0100"));
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return new BigDecimal("0.0100");
    }
}
