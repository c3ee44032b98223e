package com.pixfino.server.webhooks;

import static com.pixfino.server.db.jooq.Tables.USERS;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_ENDPOINTS;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_MESSAGES;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookDeliveryView;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.model.api.webhooks.WebhookPingAccepted;
import com.pixfino.model.api.webhooks.WebhookView;
import com.pixfino.server.db.jooq.tables.records.WebhookEndpointsRecord;
import com.pixfino.server.domain.DomainException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's webhook endpoints and the outbox of events for them: a finished generation becomes one message per
 * endpoint inside the transaction that finished it, and {@link WebhookSender} delivers it after commit.
 */
public final class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    public static final String COMPLETED = "generation.completed";
    public static final String FAILED = "generation.failed";
    public static final String PING = "ping";
    static final Set<String> EVENTS = Set.of(COMPLETED, FAILED);
    static final int MAX_ENDPOINTS = 20;

    private final SecureRandom random = new SecureRandom();
    private final DSLContext dsl;
    private final ObjectMapper mapper;
    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookService(DSLContext dsl, ObjectMapper mapper, WebhookSettings settings, Clock clock) {
        this.dsl = dsl;
        this.mapper = mapper;
        this.targets = new WebhookTargets(settings.allowLocal());
        this.clock = clock;
    }

    WebhookTargets targets() {
        return targets;
    }

    public CreatedWebhook create(UUID userId, CreateWebhookRequest request) {
        URI url = targets.check(request.url());
        List<String> events = events(request.events());
        byte[] key = new byte[24];
        random.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.selectOne().from(USERS).where(USERS.ID.eq(userId)).forUpdate().execute();
            if (tx.fetchCount(WEBHOOK_ENDPOINTS, WEBHOOK_ENDPOINTS.USER_ID.eq(userId)) >= MAX_ENDPOINTS) {
                throw DomainException.conflict(
                        "too_many_webhooks",
                        "You have " + MAX_ENDPOINTS + " webhook endpoints already; delete one first.");
            }
            tx.insertInto(WEBHOOK_ENDPOINTS)
                    .set(WEBHOOK_ENDPOINTS.ID, id)
                    .set(WEBHOOK_ENDPOINTS.USER_ID, userId)
                    .set(WEBHOOK_ENDPOINTS.URL, url.toString())
                    .set(WEBHOOK_ENDPOINTS.EVENTS, String.join(",", events))
                    .set(WEBHOOK_ENDPOINTS.SECRET, secret)
                    .set(WEBHOOK_ENDPOINTS.CREATED_AT, now)
                    .execute();
        });
        log.info("event=webhook_created user={} webhook={} host={}", userId, id, url.getHost());
        return new CreatedWebhook(id, url.toString(), events, now, secret);
    }

    public WebhookList list(UUID userId) {
        return new WebhookList(dsl.selectFrom(WEBHOOK_ENDPOINTS)
                .where(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT.desc(), WEBHOOK_ENDPOINTS.ID)
                .fetch(WebhookService::view));
    }

    public void delete(UUID userId, UUID id) {
        if (dsl.deleteFrom(WEBHOOK_ENDPOINTS)
                        .where(WEBHOOK_ENDPOINTS.ID.eq(id))
                        .and(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                        .execute()
                == 0) {
            throw DomainException.notFound("Webhook " + id);
        }
    }

    /** Queues a {@code ping} to the endpoint (one attempt, in the delivery log like any event). */
    public WebhookPingAccepted ping(UUID userId, UUID id) {
        WebhookEndpointsRecord endpoint = owned(userId, id);
        String webhookId = newWebhookId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        ObjectNode body = mapper.createObjectNode().put("type", PING).put("timestamp", now.toString());
        body.putObject("data").put("webhookId", endpoint.getId().toString());
        dsl.insertInto(WEBHOOK_MESSAGES)
                .set(WEBHOOK_MESSAGES.WEBHOOK_ID, webhookId)
                .set(WEBHOOK_MESSAGES.ENDPOINT_ID, endpoint.getId())
                .set(WEBHOOK_MESSAGES.EVENT, PING)
                .set(WEBHOOK_MESSAGES.BODY, body.toString())
                .set(WEBHOOK_MESSAGES.CREATED_AT, now)
                .set(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT, now)
                .set(WEBHOOK_MESSAGES.STATE, "PENDING")
                .execute();
        return new WebhookPingAccepted(webhookId);
    }

    public WebhookDeliveryList deliveries(UUID userId, UUID id) {
        owned(userId, id);
        return new WebhookDeliveryList(dsl.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.ENDPOINT_ID.eq(id))
                .orderBy(WEBHOOK_DELIVERIES.ID.desc())
                .limit(200)
                .fetch(r -> new WebhookDeliveryView(
                        r.getAttemptedAt(),
                        r.getEvent(),
                        r.getWebhookId(),
                        r.getStatusCode(),
                        r.getAttempt(),
                        r.getError())));
    }

    /**
     * The outbox: inside the transaction that finished the generation, one message per enabled endpoint of the user
     * that wants this event; the body is made at the first attempt, after commit.
     */
    public void finished(DSLContext tx, UUID userId, UUID generationId, GenerationStatus status) {
        String event =
                status == GenerationStatus.COMPLETED ? COMPLETED : status == GenerationStatus.FAILED ? FAILED : null;
        if (event == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (WebhookEndpointsRecord endpoint : tx.selectFrom(WEBHOOK_ENDPOINTS)
                .where(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                .and(WEBHOOK_ENDPOINTS.DISABLED_AT.isNull())
                .fetch()) {
            if (!Arrays.asList(endpoint.getEvents().split(",")).contains(event)) {
                continue;
            }
            tx.insertInto(WEBHOOK_MESSAGES)
                    .set(WEBHOOK_MESSAGES.WEBHOOK_ID, newWebhookId())
                    .set(WEBHOOK_MESSAGES.ENDPOINT_ID, endpoint.getId())
                    .set(WEBHOOK_MESSAGES.EVENT, event)
                    .set(WEBHOOK_MESSAGES.GENERATION_ID, generationId)
                    .set(WEBHOOK_MESSAGES.BODY, "")
                    .set(WEBHOOK_MESSAGES.CREATED_AT, now)
                    .set(WEBHOOK_MESSAGES.NEXT_ATTEMPT_AT, now)
                    .set(WEBHOOK_MESSAGES.STATE, "PENDING")
                    .execute();
        }
    }

    /** The body of an event: {@code {"type","timestamp","data":{generation view}}}. */
    String body(String event, OffsetDateTime at, GenerationView generation) {
        ObjectNode body = mapper.createObjectNode().put("type", event).put("timestamp", at.toString());
        body.set("data", mapper.valueToTree(generation));
        return body.toString();
    }

    private WebhookEndpointsRecord owned(UUID userId, UUID id) {
        WebhookEndpointsRecord endpoint = dsl.selectFrom(WEBHOOK_ENDPOINTS)
                .where(WEBHOOK_ENDPOINTS.ID.eq(id))
                .and(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                .fetchOne();
        if (endpoint == null) {
            throw DomainException.notFound("Webhook " + id);
        }
        return endpoint;
    }

    private static WebhookView view(WebhookEndpointsRecord r) {
        return new WebhookView(
                r.getId(),
                r.getUrl(),
                List.of(r.getEvents().split(",")),
                r.getCreatedAt(),
                r.getDisabledAt(),
                r.getDisabledReason());
    }

    private static List<String> events(List<String> requested) {
        if (requested == null) {
            return List.of(COMPLETED, FAILED);
        }
        if (requested.isEmpty() || !EVENTS.containsAll(requested)) {
            throw DomainException.invalid(
                    "invalid_events", "events must list one or both of \"" + COMPLETED + "\" and \"" + FAILED + "\".");
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private static String newWebhookId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
