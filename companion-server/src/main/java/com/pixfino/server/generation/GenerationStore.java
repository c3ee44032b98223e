package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.COLLECTIONS;
import static com.pixfino.server.db.jooq.Tables.COLLECTION_ITEMS;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
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
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The only writer of {@code generations} rows' pipeline state: their creation, every status change and their
 * removal (library edits, the favourite and a new version when tags or collections change, are written by the
 * library package). Each status change is a conditional update from the states it may leave, so two workers, a
 * webhook and a poll, or a cancel racing a completion can never both win; a failure or cancel writes its refund in
 * the same transaction as the status, and every change is announced to listeners once committed. A trigger gives
 * each change of a row's view a new library version (V7), so the change feed re-sends it whoever wrote it.
 */
public final class GenerationStore {

    static final String CHANNEL = "generation_events";
    private static final List<GenerationStatus> OPEN = List.of(GenerationStatus.PENDING, GenerationStatus.RUNNING);

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final PresetCatalog presets;
    private final Clock clock;
    private final StatusNotices notices;
    private final PaidCreateStatement createStatement;
    private final Finished onFinished;
    private final GenerationMetrics metrics;

    /** Told inside the transaction that finishes a generation (the outgoing webhooks' outbox), so never before commit. */
    @FunctionalInterface
    public interface Finished {
        void finished(DSLContext tx, UUID userId, UUID generationId, GenerationStatus status);
    }

    public GenerationStore(
            DSLContext dsl,
            CreditLedger ledger,
            PresetCatalog presets,
            Clock clock,
            StatusNotices notices,
            Finished onFinished,
            GenerationMetrics metrics) {
        this.onFinished = onFinished;
        this.metrics = metrics;
        this.dsl = dsl;
        this.ledger = ledger;
        this.presets = presets;
        this.clock = clock;
        this.notices = notices;
        this.createStatement = new PaidCreateStatement(dsl, ledger);
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

    /** Frees the user's key when its generation is older than {@code lifetime}, so the key can name a new one. */
    public void expireIdempotencyKey(UUID userId, String key, Duration lifetime) {
        dsl.update(GENERATIONS)
                .setNull(GENERATIONS.IDEMPOTENCY_KEY)
                .where(GENERATIONS.USER_ID.eq(userId))
                .and(GENERATIONS.IDEMPOTENCY_KEY.eq(key))
                .and(GENERATIONS.CREATED_AT.lt(now().minus(lifetime)))
                .execute();
    }

    /** What a paid create asks for: the new generation's id, whose it is, of what, and under which key. */
    public record NewGeneration(
            UUID id, UUID userId, PresetsRecord preset, UUID uploadId, CreateOptions options, String idempotencyKey) {}

    /**
     * What {@link #createPaid} found and did, all read in the statement's one snapshot.
     *
     * @param tier         the user's tier, null when the user is gone
     * @param balance      the balance before the statement
     * @param uploadOwned  whether the upload exists and is the user's
     * @param prior        the generation already made with this key (any age), or null
     * @param priorExpired whether {@code prior} is older than the key's lifetime (so it must not be replayed)
     * @param balanceAfter the balance after the debit, null when nothing was debited nor inserted
     */
    public record CreateOutcome(
            Tier tier,
            Integer balance,
            boolean uploadOwned,
            GenerationsRecord prior,
            boolean priorExpired,
            Integer balanceAfter) {
        public boolean created() {
            return balanceAfter != null;
        }
    }

    /**
     * Debits, writes the ledger row, inserts the PENDING generation and (with {@code jobTask}) its db-scheduler row,
     * in one statement and so one round trip and one commit, when the upload is the user's, the key is unused, the
     * user's tier may use the preset ({@code paidTiersOnly}), the preset's providers are not {@code paused} and the
     * balance covers the preset; otherwise changes nothing and says why. Two creates racing with one key: the later
     * fails on the unique key index (SQL state 23505), debit and all.
     */
    public CreateOutcome createPaid(
            NewGeneration g, boolean paidTiersOnly, boolean paused, Optional<String> jobTask, Duration keyLifetime) {
        OffsetDateTime now = now();
        Record row = createStatement.run(g, paidTiersOnly, paused, jobTask, now);
        // the generation columns the statement answers (the rest stay null): the one made with this key, if any
        GenerationsRecord prior = row.get(GENERATIONS.ID) == null ? null : row.into(GENERATIONS);
        CreateOutcome outcome = new CreateOutcome(
                row.get(USERS.TIER),
                row.get(USERS.CREDITS),
                row.get(PaidCreateStatement.UPLOAD_OWNED),
                prior,
                prior != null && prior.getCreatedAt().isBefore(now.minus(keyLifetime)),
                row.get(PaidCreateStatement.BALANCE_AFTER));
        if (outcome.created()) {
            metrics.created(outcome.balance() - outcome.balanceAfter());
            notices.publish(g.userId(), g.id(), GenerationStatus.PENDING, false);
            notices.publishDebit(g.userId(), g.id(), outcome.balanceAfter());
        }
        return outcome;
    }

    /**
     * Removes the user's generation row and answers it as it was (its file keys), or empty when there was none. In the
     * same transaction: a tombstone for the change feed, and a new version for each collection it was in (so the feed
     * re-sends them with their new item count).
     */
    public Optional<GenerationsRecord> delete(UUID userId, UUID id) {
        OffsetDateTime now = now();
        Optional<GenerationsRecord> deleted = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            lockLibrary(tx, userId);
            List<UUID> collections = tx.select(COLLECTION_ITEMS.COLLECTION_ID)
                    .from(COLLECTION_ITEMS)
                    .where(COLLECTION_ITEMS.GENERATION_ID.eq(id))
                    .fetch(COLLECTION_ITEMS.COLLECTION_ID);
            Optional<GenerationsRecord> row = tx.deleteFrom(GENERATIONS)
                    .where(GENERATIONS.ID.eq(id))
                    .and(GENERATIONS.USER_ID.eq(userId))
                    .returning()
                    .fetchOptional();
            if (row.isEmpty()) {
                return row;
            }
            if (!collections.isEmpty()) {
                tx.update(COLLECTIONS)
                        .set(COLLECTIONS.VERSION, COLLECTIONS.VERSION.plus(1))
                        .set(COLLECTIONS.UPDATED_AT, now)
                        .where(COLLECTIONS.ID.in(collections))
                        .execute();
            }
            tx.insertInto(LIBRARY_TOMBSTONES)
                    .set(LIBRARY_TOMBSTONES.KIND, TOMBSTONE_GENERATION)
                    .set(LIBRARY_TOMBSTONES.ID, id)
                    .set(LIBRARY_TOMBSTONES.USER_ID, userId)
                    .set(LIBRARY_TOMBSTONES.DELETED_AT, now)
                    .onConflict(LIBRARY_TOMBSTONES.KIND, LIBRARY_TOMBSTONES.ID)
                    .doUpdate()
                    .set(LIBRARY_TOMBSTONES.DELETED_AT, now)
                    .execute();
            return row;
        });
        deleted.ifPresent(row -> notices.publishLibrary(userId));
        return deleted;
    }

    /** The kind of a deleted generation's row in {@code library_tombstones}. */
    public static final String TOMBSTONE_GENERATION = "GENERATION";

    /** Whether the user deleted this generation and its tombstone is still kept (not yet purged). */
    public boolean deletedByOwner(UUID userId, UUID id) {
        return LibraryTombstones.kept(dsl, TOMBSTONE_GENERATION, userId, id);
    }

    /**
     * Serialises the user's multi-row library edits (delete, tags, collections) inside {@code tx}, taken before any row
     * lock so two edits never wait on each other's rows in opposite orders. The change feed does not need it: its
     * cursor is safe on its own (see the library feed).
     */
    public static void lockLibrary(DSLContext tx, UUID userId) {
        tx.select(DSL.function(
                        "pg_advisory_xact_lock",
                        Object.class,
                        DSL.function("hashtext", Integer.class, DSL.val("library:" + userId))))
                .fetch();
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
        GenerationsRecord started = dsl.update(GENERATIONS)
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
        if (started == null) {
            return false;
        }
        // counted in memory and added up every few seconds: a hot preset's row lock must not serialise the jobs
        presets.countUse(started.getPresetId());
        notices.publish(started.getUserId(), id, GenerationStatus.RUNNING, false);
        return true;
    }

    /** Hands a RUNNING generation not yet taken by any provider to the next one (failover); false when it ended meanwhile. */
    public boolean switchProvider(UUID id, String provider, String model) {
        Optional<UUID> owner = dsl.update(GENERATIONS)
                .set(GENERATIONS.PROVIDER, provider)
                .set(GENERATIONS.MODEL, model)
                .set(GENERATIONS.UPDATED_AT, now())
                .where(GENERATIONS.ID.eq(id))
                .and(GENERATIONS.STATUS.eq(GenerationStatus.RUNNING))
                .and(GENERATIONS.PROVIDER_JOB_ID.isNull())
                .returning(GENERATIONS.USER_ID)
                .fetchOptional(GENERATIONS.USER_ID);
        // the view names the provider: the user's other devices pull it
        owner.ifPresent(notices::publishLibrary);
        return owner.isPresent();
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
        Optional<UUID> owner = dsl.transactionResult(cfg -> {
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
                return Optional.<UUID>empty();
            }
            onFinished.finished(tx, row.getUserId(), id, GenerationStatus.COMPLETED);
            return Optional.of(row.getUserId());
        });
        owner.ifPresent(userId -> {
            metrics.finished(GenerationStatus.COMPLETED, 0);
            notices.publish(userId, id, GenerationStatus.COMPLETED, false);
        });
        return owner.isPresent();
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
        Optional<GenerationsRecord> finished = dsl.transactionResult(cfg -> {
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
            onFinished.finished(tx, row.getUserId(), id, status);
            return Optional.of(row);
        });
        finished.ifPresent(row -> {
            metrics.finished(status, row.getCreditsCharged());
            notices.publish(row.getUserId(), id, status, true);
        });
        return finished;
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

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
