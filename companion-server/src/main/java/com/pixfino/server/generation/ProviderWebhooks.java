package com.pixfino.server.generation;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.providers.WebhookReceiver;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's webhook, once its signature checks out, only brings the job's next step forward: the step
 * reads the job from the provider and finishes it through the same conditional updates as a poll, so a
 * webhook and a poll (or a retried webhook) can never complete or refund a generation twice.
 */
public final class ProviderWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);

    private final Map<String, WebhookReceiver> receivers;
    private final GenerationStore store;
    private final JobQueue jobs;

    public ProviderWebhooks(Map<String, WebhookReceiver> receivers, GenerationStore store, JobQueue jobs) {
        this.receivers = Map.copyOf(receivers);
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * Verifies and dispatches one webhook call.
     *
     * @return the generation it is about, empty when none is running (already finished, or not ours)
     * @throws com.pixfino.server.providers.WebhookRejectedException on a missing, wrong or stale signature
     */
    public Optional<UUID> receive(String provider, Map<String, String> headers, byte[] body) {
        WebhookReceiver receiver = receivers.get(provider);
        if (receiver == null) {
            throw DomainException.notFound("Webhooks for provider '" + provider + "'");
        }
        String providerJob = receiver.verify(headers, body);
        Optional<UUID> generation = store.findRunningByProviderJob(provider, providerJob);
        generation.ifPresentOrElse(
                id -> {
                    log.info("event=webhook_received provider={} generation={}", provider, id);
                    jobs.pollNow(id);
                },
                () -> log.info(
                        "event=webhook_ignored provider={} providerJob={} reason=no_running_generation",
                        provider,
                        providerJob));
        return generation;
    }
}
