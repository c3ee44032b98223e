package com.pixfino.server.testsupport;

import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting provider for tests only: each generation's behaviour is chosen by the words in
 * its prompt ({@code fail}, {@code error5xx}, {@code flaky}, {@code hang}, {@code malformed}, {@code unsafe}
 * (a safety refusal at submit), {@code refuse} (a plain one),
 * {@code slow}, {@code forever}); anything else succeeds at the first poll with a small JPEG.
 */
public final class ScriptedProvider extends StubProvider {

    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> canceled = ConcurrentHashMap.newKeySet();

    public ScriptedProvider(String name) {
        super(name);
    }

    @Override
    public String submit(ProviderRequest request) {
        submits.incrementAndGet();
        String prompt = request.prompt();
        if (prompt.contains("error5xx")) {
            throw ProviderException.transientFault("http_503", "Service unavailable (HTTP 503).");
        }
        if (prompt.contains("unsafe")) {
            throw ProviderException.permanent(
                    ProviderException.SAFETY_REFUSAL, "The provider's content checker refused this prompt (HTTP 403).");
        }
        if (prompt.contains("refuse")) {
            throw ProviderException.permanent("http_422", "The provider refused the input (HTTP 422).");
        }
        if (prompt.contains("hang")) {
            sleep(600_000);
        }
        return "job-" + request.generationId();
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        polls.incrementAndGet();
        String prompt = request.prompt();
        int attempt = attempts.computeIfAbsent(jobId, k -> new AtomicInteger()).incrementAndGet();
        if (prompt.contains("forever")) {
            return new ProviderPoll.Running(null);
        }
        if (prompt.contains("slow") && attempt < 5) {
            return new ProviderPoll.Running(attempt * 20);
        }
        if (prompt.contains("flaky") && attempt == 1) {
            throw ProviderException.transientFault("http_502", "Bad gateway (HTTP 502).");
        }
        if (prompt.contains("fail")) {
            return new ProviderPoll.Failed("nsfw_detected", "The provider's safety filter rejected the result.");
        }
        if (prompt.contains("malformed")) {
            throw ProviderException.permanent("malformed_response", "The provider's answer could not be parsed.");
        }
        if (prompt.contains("garbage-output")) {
            return new ProviderPoll.Succeeded(
                    List.of(ProviderPoll.Output.of("image/jpeg", new byte[] {1, 2, 3})), BigDecimal.ONE);
        }
        byte[] jpeg = TestImages.encode(TestImages.picture(640, 800), "jpg");
        return new ProviderPoll.Succeeded(
                List.of(ProviderPoll.Output.of("image/jpeg", jpeg)), new BigDecimal("0.0400"));
    }

    @Override
    public void cancel(String jobId) {
        canceled.add(jobId);
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return new BigDecimal("0.0400");
    }

    public int submits() {
        return submits.get();
    }

    public int polls() {
        return polls.get();
    }

    public Set<String> canceled() {
        return canceled;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
