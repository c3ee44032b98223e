package com.pixfino.server.webhooks;

import static com.pixfino.server.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_MESSAGES;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.db.jooq.tables.records.WebhookEndpointsRecord;
import com.pixfino.server.db.jooq.tables.records.WebhookMessagesRecord;
import com.pixfino.server.domain.DomainException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a db-scheduler task looks for due messages (any instance; a claimed message is leased so one
 * instance sends it) and hands each to its own pool, so a receiver that never answers holds one sender thread for
 * at most the attempt timeout and never a generation job. Standard Webhooks: {@code webhook-id} (the same on every
 * retry), {@code webhook-timestamp} (seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>} keyed by the secret's base64 part. Non-2xx or no answer is retried at the configured offsets
 * after the first try, then the message is failed; an endpoint whose events keep failing is disabled.
 */
public final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String TASK = "webhook-deliveries";

    private final DSLContext dsl;
    private final WebhookService webhooks;
    private final WebhookSettings settings;
    private final ExecutorService pool;
    private final BiFunction<UUID, UUID, GenerationView> generations;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSender(
            DSLContext dsl,
            WebhookService webhooks,
            WebhookSettings settings,
            ExecutorService pool,
            BiFunction<UUID, UUID, GenerationView> generations,
            Clock clock) {
        this.dsl = dsl;
        this.webhooks = webhooks;
        this.settings = settings;
        this.pool = pool;
        this.generations = generations;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(pool)
                .build();
    }

    public RecurringTask<Void> task() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.pollInterval())).execute((instance, context) -> sendDue());
    }

    /** Claims the due messages and hands them to the pool; answers how many. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // leased past the attempt's timeout: another instance (or this one) picks it again only if this one died
        OffsetDateTime lease = now.plus(settings.timeout().multipliedBy(3)).plusSeconds(5);
        List<WebhookMessagesRecord> due = dsl.update(WEBHOOK_MESSAGES)
                .set(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT, lease)
                .where(WEBHOOK_MESSAGES.WEBHOOK_ID.in(DSL.select(WEBHOOK_MESSAGES.WEBHOOK_ID)
                        .from(WEBHOOK_MESSAGES)
                        .where(WEBHOOK_MESSAGES.STATE.eq("PENDING"))
                        .and(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT.le(now))
                        .orderBy(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT)
                        .limit(50)
                        .forUpdate()
                        .skipLocked()))
                .returning()
                .fetch();
        for (WebhookMessagesRecord message : due) {
            pool.execute(() -> {
                try {
                    attempt(message);
                } catch (RuntimeException e) {
                    log.warn(
                            "event=webhook_attempt_error webhook_id={} failure={}",
                            message.getWebhookId(),
                            e.getClass().getSimpleName());
                }
            });
        }
        return due.size();
    }

    private void attempt(WebhookMessagesRecord message) {
        WebhookEndpointsRecord endpoint = dsl.selectFrom(WEBHOOK_ENDPOINTS)
                .where(WEBHOOK_ENDPOINTS.ID.eq(message.getEndpointId()))
                .fetchOne();
        if (endpoint == null
                || (endpoint.getDisabledAt() != null && !message.getEvent().equals(WebhookService.PING))) {
            finish(message, "DROPPED");
            return;
        }
        String body = message.getBody();
        if (body.isEmpty()) {
            body = webhooks.body(
                    message.getEvent(),
                    message.getCreatedAt(),
                    generations.apply(endpoint.getUserId(), message.getGenerationId()));
            dsl.update(WEBHOOK_MESSAGES)
                    .set(WEBHOOK_MESSAGES.BODY, body)
                    .where(WEBHOOK_MESSAGES.WEBHOOK_ID.eq(message.getWebhookId()))
                    .execute();
        }
        int attempt = message.getAttempts() + 1;
        Integer status = null;
        String error = null;
        try {
            URI url = URI.create(endpoint.getUrl());
            webhooks.targets().checkAddresses(url.getHost());
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Pixfino-Webhooks/1")
                    .header("webhook-id", message.getWebhookId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", sign(endpoint.getSecret(), message.getWebhookId(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (DomainException e) {
            error = "refused: the endpoint's address is not public";
        } catch (java.net.http.HttpTimeoutException e) {
            error = "timeout after " + settings.timeout().toSeconds() + " s";
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean ok = status != null && status >= 200 && status < 300;
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.ENDPOINT_ID, endpoint.getId())
                .set(WEBHOOK_DELIVERIES.WEBHOOK_ID, message.getWebhookId())
                .set(WEBHOOK_DELIVERIES.EVENT, message.getEvent())
                .set(WEBHOOK_DELIVERIES.ATTEMPT, attempt)
                .set(WEBHOOK_DELIVERIES.STATUS_CODE, status)
                .set(WEBHOOK_DELIVERIES.ERROR, error)
                .set(WEBHOOK_DELIVERIES.ATTEMPTED_AT, now)
                .execute();
        log.info(
                "event=webhook_attempt webhook={} webhook_id={} type={} attempt={} status={} error={}",
                endpoint.getId(),
                message.getWebhookId(),
                message.getEvent(),
                attempt,
                status,
                error);
        boolean ping = message.getEvent().equals(WebhookService.PING);
        if (ok) {
            dsl.update(WEBHOOK_MESSAGES)
                    .set(WEBHOOK_MESSAGES.ATTEMPTS, attempt)
                    .set(WEBHOOK_MESSAGES.STATE, "DELIVERED")
                    .where(WEBHOOK_MESSAGES.WEBHOOK_ID.eq(message.getWebhookId()))
                    .execute();
            if (!ping) {
                dsl.update(WEBHOOK_ENDPOINTS)
                        .set(WEBHOOK_ENDPOINTS.CONSECUTIVE_FAILURES, 0)
                        .where(WEBHOOK_ENDPOINTS.ID.eq(endpoint.getId()))
                        .execute();
            }
            return;
        }
        List<Duration> delays = settings.retryDelays();
        if (ping || attempt > delays.size()) {
            dsl.update(WEBHOOK_MESSAGES)
                    .set(WEBHOOK_MESSAGES.ATTEMPTS, attempt)
                    .set(WEBHOOK_MESSAGES.STATE, "FAILED")
                    .where(WEBHOOK_MESSAGES.WEBHOOK_ID.eq(message.getWebhookId()))
                    .execute();
            if (!ping) {
                failedEvent(endpoint);
            }
            return;
        }
        // offsets from the first try (about 30 s, 2 min, 10 min, 1 h, 6 h, 24 h by default)
        OffsetDateTime next = message.getCreatedAt().plus(delays.get(attempt - 1));
        dsl.update(WEBHOOK_MESSAGES)
                .set(WEBHOOK_MESSAGES.ATTEMPTS, attempt)
                .set(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT, next.isAfter(now) ? next : now)
                .where(WEBHOOK_MESSAGES.WEBHOOK_ID.eq(message.getWebhookId()))
                .execute();
    }

    private void failedEvent(WebhookEndpointsRecord endpoint) {
        Integer failures = dsl.update(WEBHOOK_ENDPOINTS)
                .set(WEBHOOK_ENDPOINTS.CONSECUTIVE_FAILURES, WEBHOOK_ENDPOINTS.CONSECUTIVE_FAILURES.plus(1))
                .where(WEBHOOK_ENDPOINTS.ID.eq(endpoint.getId()))
                .returning(WEBHOOK_ENDPOINTS.CONSECUTIVE_FAILURES)
                .fetchOne(WEBHOOK_ENDPOINTS.CONSECUTIVE_FAILURES);
        if (failures != null && failures >= settings.disableAfter()) {
            String reason = "Disabled after " + failures
                    + " events in a row could not be delivered; add the endpoint again once it answers 2xx.";
            dsl.update(WEBHOOK_ENDPOINTS)
                    .set(WEBHOOK_ENDPOINTS.DISABLED_AT, OffsetDateTime.now(clock))
                    .set(WEBHOOK_ENDPOINTS.DISABLED_REASON, reason)
                    .where(WEBHOOK_ENDPOINTS.ID.eq(endpoint.getId()))
                    .and(WEBHOOK_ENDPOINTS.DISABLED_AT.isNull())
                    .execute();
            log.warn(
                    "event=webhook_disabled webhook={} user={} failures={}",
                    endpoint.getId(),
                    endpoint.getUserId(),
                    failures);
        }
    }

    private void finish(WebhookMessagesRecord message, String state) {
        dsl.update(WEBHOOK_MESSAGES)
                .set(WEBHOOK_MESSAGES.STATE, state)
                .where(WEBHOOK_MESSAGES.WEBHOOK_ID.eq(message.getWebhookId()))
                .execute();
    }

    /** {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed by the base64 part of {@code whsec_…}. */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
