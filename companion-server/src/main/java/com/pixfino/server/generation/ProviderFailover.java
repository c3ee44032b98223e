package com.pixfino.server.generation;

import com.pixfino.server.providers.CallDeadline;
import com.pixfino.server.providers.CallDeadlineExceededException;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.ProviderRoute;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a generation along its routes: an open breaker or a failed submit moves it to the next
 * provider, recorded on the row so the result names who made it. Credits are untouched: the one debit
 * made at create stands, whichever provider ends up doing the work.
 */
final class ProviderFailover {

    private static final Logger log = LoggerFactory.getLogger(ProviderFailover.class);

    private final GenerationStore store;

    ProviderFailover(GenerationStore store) {
        this.store = store;
    }

    /**
     * Tries each route in turn; the first (already recorded as the generation's provider) first, all within
     * the generation's {@code deadline}.
     *
     * @return null when a provider took the job (or the generation ended meanwhile), else the last refusal,
     *     or a {@link CallDeadlineExceededException} when time ran out
     */
    ProviderException submit(UUID id, List<ProviderRoute> routes, ProviderRequest request, CallDeadline deadline) {
        ProviderException refusal = null;
        for (int i = 0; i < routes.size(); i++) {
            ProviderRoute route = routes.get(i);
            if (i > 0 && !store.switchProvider(id, route.name(), route.model())) {
                return null;
            }
            try {
                String jobId = route.provider().submit(request.withModel(route.model()), deadline);
                if (!store.recordSubmission(id, jobId)) {
                    // canceled while we were submitting: stop the paid work we just started
                    route.provider().cancel(jobId);
                }
                log.info(
                        "event=generation_submitted generation={} provider={} model={} attempt={}",
                        id,
                        route.name(),
                        route.model(),
                        i + 1);
                return null;
            } catch (CallDeadlineExceededException e) {
                // the generation is out of time: the next provider would not get any
                return e;
            } catch (ProviderException e) {
                if (ProviderException.SAFETY_REFUSAL.equals(e.code())) {
                    // a content check said no: shopping the same job around to another provider is not the answer
                    log.warn("event=provider_safety_refusal generation={} provider={}", id, route.name());
                    return e;
                }
                refusal = e;
                log.warn(
                        "event=provider_submit_failed generation={} provider={} code={} next={}",
                        id,
                        route.name(),
                        e.code(),
                        i + 1 < routes.size() ? routes.get(i + 1).name() : "none");
            }
        }
        return refusal;
    }

    /** The routes still open to a generation whose provider was recorded but never took it (a restart mid-submit). */
    static List<ProviderRoute> resumeFrom(List<ProviderRoute> routes, ProviderRoute recorded) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).name().equals(recorded.name())) {
                return routes.subList(i, routes.size());
            }
        }
        return List.of(recorded);
    }
}
