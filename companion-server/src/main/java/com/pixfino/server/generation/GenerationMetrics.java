package com.pixfino.server.generation;

import com.pixfino.model.GenerationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Generations and their credits in /metrics, counted by this server as it commits them: generations created and
 * finished by status, credits debited for them and refunded. Prometheus sums the servers.
 */
public final class GenerationMetrics {

    public static final String ACCEPTED = "pixfino.generations.accepted";
    public static final String FINISHED = "pixfino.generations.finished";
    public static final String DEBITED = "pixfino.credits.debited";
    public static final String REFUNDED = "pixfino.credits.refunded";

    private final Counter created;
    private final Map<GenerationStatus, Counter> finished = new EnumMap<>(GenerationStatus.class);
    private final Counter debited;
    private final Counter refunded;

    public GenerationMetrics(MeterRegistry registry) {
        created = Counter.builder(ACCEPTED)
                .description("Generations accepted (credits debited)")
                .register(registry);
        for (GenerationStatus status : GenerationStatus.values()) {
            if (status.isFinal()) {
                finished.put(
                        status,
                        Counter.builder(FINISHED)
                                .description("Generations finished, by final status")
                                .tag("status", status.name().toLowerCase(Locale.ROOT))
                                .register(registry));
            }
        }
        debited = Counter.builder(DEBITED)
                .description("Credits debited for generations")
                .register(registry);
        refunded = Counter.builder(REFUNDED)
                .description("Credits refunded for failed or canceled generations")
                .register(registry);
    }

    void created(int credits) {
        created.increment();
        debited.increment(credits);
    }

    void finished(GenerationStatus status, int refundedCredits) {
        Counter counter = finished.get(status);
        if (counter != null) {
            counter.increment();
        }
        if (refundedCredits > 0) {
            refunded.increment(refundedCredits);
        }
    }
}
