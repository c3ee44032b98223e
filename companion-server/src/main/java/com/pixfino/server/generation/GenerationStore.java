package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.presets.PresetCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The only writer of {@code generations} rows: their creation, every status change and their removal.
 * Each status change is a conditional update from the states it may leave, so two workers, a webhook
 * and a poll, or a cancel racing a completion can never both win; a failure or cancel writes its
 * refund in the same transaction as the status, and every change notifies listeners on commit.
 */
public final class GenerationStore {

    static final String CHANNEL = "generation_events";
    private static final List<GenerationStatus> OPEN = List.of(GenerationStatus.PENDING, GenerationStatus.RUNNING);

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final PresetCatalog presets;
    private final Clock clock;
    private final Finished finished;

    /** Told inside the transaction that finishes a generation (the outgoing webhooks' outbox), so never before commit. */
    @FunctionalInterface
    public interface Finished {
        void finished(DSLContext tx, UUID userId, UUID generationId, GenerationStatus status);
    }

    public GenerationStore(DSLContext dsl, CreditLedger ledger, PresetCatalog presets, Clock clock) {
        this(dsl, ledger, presets, clock, (tx, userId, generationId, status) -> {});
    }

    public GenerationStore(DSLContext dsl, CreditLedger ledger, PresetCatalog presets, Clock clock, Finished finished) {
        this.finished = finished;
        this.dsl = dsl;
        this.ledger = ledger;
        this.presets = presets;
        this.clock = clock;
    }

    public Optional<GenerationsRecord> find(UUID id) {
        return dsl.selectFrom(GENERATIONS).where(GENERATIONS.ID.eq(id)).fetchOptional();
    }

    /** The user's own generation; another user's id finds nothing, exactly like an unknown one. */
    public Optional<GenerationsRecord> findOwned(UUID userId, UUID id) {
        return dsl.selectFrom(GENERATIONS)
                .where(GENERATIONS.ID.eq(id))
                .and(GENERATIONS.USER_ID.eq(userId))
                .fetchOptional();
    }

    /** The user's generation made with this Idempotency-Key, read in {@code ctx} (the caller's transaction or not). */
    public Optional<GenerationsRecord> findByIdempotencyKey(DSLContext ctx, UUID userId, String key) {
        return ctx.selectFrom(GENERATIONS)
                .where(GENERATIONS.USER_ID.eq(userId))
                .and(GENERATIONS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional();
    }

    /** Frees the user's key when its generation is older than {@code lifetime}, inside the caller's transaction. */
    public void expireIdempotencyKey(DSLContext tx, UUID userId, String key, Duration lifetime) {
        tx.update(GENERATIONS)
                .setNull(GENERATIONS.IDEMPOTENCY_KEY)
                .where(GENERATIONS.USER_ID.eq(userId))
                .and(GENERATIONS.IDEMPOTENCY_KEY.eq(key))
                .and(GENERATIONS.CREATED_AT.lt(now().minus(lifetime)))
                .execute();
    }

    /** Inserts a paid-for PENDING generation inside the caller's transaction (the one that debited it). */
    public void insertPending(
            DSLContext tx,
            UUID id,
            UUID userId,
            PresetsRecord preset,
            UUID uploadId,
            String prompt,
            String idempotencyKey) {
        OffsetDateTime now = now();
        tx.insertInto(GENERATIONS)
                .set(GENERATIONS.ID, id)
                .set(GENERATIONS.USER_ID, userId)
                .set(GENERATIONS.PRESET_ID, preset.getId())
                .set(GENERATIONS.UPLOAD_ID, uploadId)
                .set(GENERATIONS.PROMPT, prompt)
                .set(GENERATIONS.STATUS, GenerationStatus.PENDING)
                .set(GENERATIONS.MEDIA_KIND, preset.getMediaKind())
                .set(GENERATIONS.CREDITS_CHARGED, preset.getCredits())
                .set(GENERATIONS.IDEMPOTENCY_KEY, idempotencyKey)
                .set(GENERATIONS.CREATED_AT, now)
                .set(GENERATIONS.UPDATED_AT, now)
                .execute();
        notify(tx, userId, id, GenerationStatus.PENDING, false);
    }

    /** Removes the user's generation row and answers it as it was (its file keys), or empty when there was none. */
    public Optional<GenerationsRecord> delete(UUID userId, UUID id) {
        return dsl.deleteFrom(GENERATIONS)
                .where(GENERATIONS.ID.eq(id))
                .and(GENERATIONS.USER_ID.eq(userId))
                .returning()
                .fetchOptional();
    }

    /** Removes every generation row of the user inside the caller's transaction and answers them (their file keys). */
    public List<GenerationsRecord> deleteAllOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(GENERATIONS)
                .where(GENERATIONS.USER_ID.eq(userId))
                .returning()
                .fetch();
    }

    /** Ids of the user's PENDING or RUNNING generations. */
    public List<UUID> openIdsOf(UUID userId) {
        return dsl.select(GENERATIONS.ID)
                .from(GENERATIONS)
                .where(GENERATIONS.USER_ID.eq(userId))
                .and(GENERATIONS.STATUS.in(OPEN))
                .fetch(GENERATIONS.ID);
    }

    /** PENDING → RUNNING, naming the provider and starting the timeout clock. */
    public boolean markRunning(UUID id, String provider, String model, Duration timeout) {
        OffsetDateTime now = now();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            GenerationsRecord row = tx.update(GENERATIONS)
                    .set(GENERATIONS.STATUS, GenerationStatus.RUNNING)
                    .set(GENERATIONS.PROVIDER, provider)
                    .set(GENERATIONS.MODEL, model)
                    .set(GENERATIONS.STARTED_AT, now)
                    .set(GENERATIONS.DEADLINE_AT, now.plus(timeout))
                    .set(GENERATIONS.UPDATED_AT, now)
                    .where(GENERATIONS.ID.eq(id))
                    .and(GENERATIONS.STATUS.eq(GenerationStatus.PENDING))
                    .returning(GENERATIONS.USER_ID, GENERATIONS.PRESET_ID)
                    .fetchOne();
            if (row == null) {
                return false;
            }
            // counted here, off the request path: a hot preset's row lock must not serialise every create
            presets.countUse(tx, row.getPresetId());
            notify(tx, row.getUserId(), id, GenerationStatus.RUNNING, false);
            return true;
        });
    }

    /** Hands a RUNNING generation not yet taken by any provider to the next one (failover); false when it ended meanwhile. */
    public boolean switchProvider(UUID id, String provider, String model) {
        return dsl.update(GENERATIONS)
                        .set(GENERATIONS.PROVIDER, provider)
                        .set(GENERATIONS.MODEL, model)
                        .set(GENERATIONS.UPDATED_AT, now())
                        .where(GENERATIONS.ID.eq(id))
                        .and(GENERATIONS.STATUS.eq(GenerationStatus.RUNNING))
                        .and(GENERATIONS.PROVIDER_JOB_ID.isNull())
                        .execute()
                == 1;
    }

    /**
     * The running generation a provider's webhook is about: its stored job id is the provider's own id, or
     * ends with it after a slash (fal's job id is the request's URL path).
     */
    public Optional<UUID> findRunningByProviderJob(String provider, String providerOwnId) {
        return dsl.select(GENERATIONS.ID)
                .from(GENERATIONS)
                .where(GENERATIONS.PROVIDER.eq(provider))
                .and(GENERATIONS.STATUS.eq(GenerationStatus.RUNNING))
                .and(GENERATIONS
                        .PROVIDER_JOB_ID
                        .eq(providerOwnId)
                        .or(GENERATIONS.PROVIDER_JOB_ID.endsWith("/" + providerOwnId)))
                .fetchOptional(GENERATIONS.ID);
    }

    /** Remembers the provider's job id so a restarted server polls the same job. */
    public boolean recordSubmission(UUID id, String providerJobId) {
        return dsl.update(GENERATIONS)
                        .set(GENERATIONS.PROVIDER_JOB_ID, providerJobId)
                        .set(GENERATIONS.UPDATED_AT, now())
                        .where(GENERATIONS.ID.eq(id))
                        .and(GENERATIONS.STATUS.eq(GenerationStatus.RUNNING))
                        .execute()
                == 1;
    }

    public void recordPoll(UUID id) {
        dsl.update(GENERATIONS)
                .set(GENERATIONS.POLL_COUNT, GENERATIONS.POLL_COUNT.plus(1))
                .set(GENERATIONS.UPDATED_AT, now())
                .where(GENERATIONS.ID.eq(id))
                .execute();
    }

    /** RUNNING → COMPLETED with its output; false when it was canceled or finished meanwhile. */
    public boolean complete(UUID id, StoredOutput output, BigDecimal costUsd) {
        OffsetDateTime now = now();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            GenerationsRecord row = tx.update(GENERATIONS)
                    .set(GENERATIONS.STATUS, GenerationStatus.COMPLETED)
                    .set(GENERATIONS.OUTPUT_KEY, output.key())
                    .set(GENERATIONS.OUTPUT_CONTENT_TYPE, output.contentType())
                    .set(GENERATIONS.THUMBNAIL_KEY, output.thumbnailKey())
                    .set(GENERATIONS.WIDTH, output.width())
                    .set(GENERATIONS.HEIGHT, output.height())
                    .set(GENERATIONS.API_COST_USD, costUsd)
                    .set(GENERATIONS.COMPLETED_AT, now)
                    .set(GENERATIONS.UPDATED_AT, now)
                    .where(GENERATIONS.ID.eq(id))
                    .and(GENERATIONS.STATUS.eq(GenerationStatus.RUNNING))
                    .returning(GENERATIONS.USER_ID)
                    .fetchOne();
            if (row == null) {
                return false;
            }
            notify(tx, row.getUserId(), id, GenerationStatus.COMPLETED, false);
            finished.finished(tx, row.getUserId(), id, GenerationStatus.COMPLETED);
            return true;
        });
    }

    /** PENDING/RUNNING → FAILED with the reason, and the refund; false when it had already finished. */
    public boolean fail(UUID id, String code, String message) {
        return finishWithRefund(id, GenerationStatus.FAILED, code, message, "Refund: generation failed")
                .isPresent();
    }

    /**
     * PENDING/RUNNING → CANCELED and the refund.
     *
     * @return the canceled row (with the provider job it may still have running), empty when it had already finished
     */
    public Optional<GenerationsRecord> cancel(UUID id) {
        return finishWithRefund(
                id,
                GenerationStatus.CANCELED,
                "canceled",
                "Canceled before it finished; the credits were refunded.",
                "Refund: generation canceled");
    }

    private Optional<GenerationsRecord> finishWithRefund(
            UUID id, GenerationStatus status, String code, String message, String reason) {
        OffsetDateTime now = now();
        String safeMessage = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            GenerationsRecord row = tx.update(GENERATIONS)
                    .set(GENERATIONS.STATUS, status)
                    .set(GENERATIONS.ERROR_CODE, code)
                    .set(GENERATIONS.ERROR_MESSAGE, safeMessage)
                    .set(GENERATIONS.REFUNDED, true)
                    .set(GENERATIONS.COMPLETED_AT, now)
                    .set(GENERATIONS.UPDATED_AT, now)
                    .where(GENERATIONS.ID.eq(id))
                    .and(GENERATIONS.STATUS.in(OPEN))
                    .returning()
                    .fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            ledger.apply(tx, row.getUserId(), row.getCreditsCharged(), LedgerKind.REFUND, reason, reference(id));
            notify(tx, row.getUserId(), id, status, true);
            finished.finished(tx, row.getUserId(), id, status);
            return Optional.of(row);
        });
    }

    /** Ids of unfinished generations; the reconciler makes sure each has a job. */
    public List<UUID> openIdsOlderThan(Duration age) {
        return dsl.select(GENERATIONS.ID)
                .from(GENERATIONS)
                .where(GENERATIONS.STATUS.in(OPEN))
                .and(GENERATIONS.CREATED_AT.lt(now().minus(age)))
                .fetch(GENERATIONS.ID);
    }

    /** The ledger reference shared by a generation's debit and refund. */
    static String reference(UUID generationId) {
        return "generation:" + generationId;
    }

    /** Delivered to every server's listeners when the transaction commits, not before. */
    private static void notify(
            DSLContext tx, UUID userId, UUID generationId, GenerationStatus status, boolean refunded) {
        String payload = userId + "|" + generationId + "|" + status.name() + "|" + refunded;
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(payload)))
                .fetch();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
