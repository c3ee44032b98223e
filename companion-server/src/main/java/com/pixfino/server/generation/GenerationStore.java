package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.SCHEDULED_TASKS;
import static com.pixfino.server.db.jooq.Tables.UPLOADS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.MediaKind;
import com.pixfino.model.Tier;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.presets.PresetCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * The only writer of {@code generations} rows: their creation, every status change and their removal.
 * Each status change is a conditional update from the states it may leave, so two workers, a webhook
 * and a poll, or a cancel racing a completion can never both win; a failure or cancel writes its
 * refund in the same transaction as the status, and every change is announced to listeners once committed.
 */
public final class GenerationStore {

    static final String CHANNEL = "generation_events";
    private static final List<GenerationStatus> OPEN = List.of(GenerationStatus.PENDING, GenerationStatus.RUNNING);

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final PresetCatalog presets;
    private final Clock clock;
    private final StatusNotices notices;
    private final Map<CreateShape, RenderedCreate> createStatements = new ConcurrentHashMap<>();

    private static final Param<UUID> P_USER = DSL.param("user_id", USERS.ID);
    private static final Param<UUID> P_UPLOAD = DSL.param("upload_id", UPLOADS.ID);
    private static final Param<String> P_KEY = DSL.param("idempotency_key", GENERATIONS.IDEMPOTENCY_KEY);
    private static final Param<UUID> P_GENERATION = DSL.param("generation_id", GENERATIONS.ID);
    private static final Param<Long> P_PRESET = DSL.param("preset_id", GENERATIONS.PRESET_ID);
    private static final Param<String> P_PROMPT = DSL.param("prompt", GENERATIONS.PROMPT);
    private static final Param<MediaKind> P_MEDIA_KIND = DSL.param("media_kind", GENERATIONS.MEDIA_KIND);
    private static final Param<Integer> P_CREDITS = DSL.param("credits", USERS.CREDITS);
    private static final Param<String> P_REASON = DSL.param("reason", CREDIT_LEDGER.REASON);
    private static final Param<String> P_REFERENCE = DSL.param("reference", CREDIT_LEDGER.REFERENCE);
    private static final Param<OffsetDateTime> P_NOW = DSL.param("now", GENERATIONS.CREATED_AT);
    private static final Param<String> P_TASK_INSTANCE = DSL.param("task_instance", SCHEDULED_TASKS.TASK_INSTANCE);
    private static final List<Param<?>> ALL_PARAMS = List.of(
            P_USER,
            P_UPLOAD,
            P_KEY,
            P_GENERATION,
            P_PRESET,
            P_PROMPT,
            P_MEDIA_KIND,
            P_CREDITS,
            P_REASON,
            P_REFERENCE,
            P_NOW,
            P_TASK_INSTANCE);
    private static final Pattern NAMED_PLACEHOLDER = Pattern.compile("(?<![:\\w]):([a-z_]+)");
    private static final Field<Boolean> UPLOAD_OWNED = DSL.field(DSL.name("upload_owned"), Boolean.class);
    private static final Field<Integer> BALANCE_AFTER = DSL.field(DSL.name("balance_after"), Integer.class);
    private static final Field<?>[] CREATE_ANSWER = {
        USERS.TIER,
        USERS.CREDITS,
        UPLOAD_OWNED,
        BALANCE_AFTER,
        GENERATIONS.ID,
        GENERATIONS.PRESET_ID,
        GENERATIONS.UPLOAD_ID,
        GENERATIONS.STATUS,
        GENERATIONS.CREDITS_CHARGED,
        GENERATIONS.CREATED_AT
    };

    public GenerationStore(
            DSLContext dsl, CreditLedger ledger, PresetCatalog presets, Clock clock, StatusNotices notices) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.presets = presets;
        this.clock = clock;
        this.notices = notices;
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
            UUID id, UUID userId, PresetsRecord preset, UUID uploadId, String prompt, String idempotencyKey) {}

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
        PresetsRecord preset = g.preset();
        CreateShape shape = new CreateShape(g.idempotencyKey() != null, paidTiersOnly, paused, jobTask);
        RenderedCreate statement = createStatements.computeIfAbsent(shape, this::render);
        Map<String, Object> values = new HashMap<>();
        values.put(P_USER.getName(), g.userId());
        values.put(P_UPLOAD.getName(), g.uploadId());
        values.put(P_KEY.getName(), g.idempotencyKey());
        values.put(P_GENERATION.getName(), g.id());
        values.put(P_PRESET.getName(), preset.getId());
        values.put(P_PROMPT.getName(), g.prompt());
        values.put(P_MEDIA_KIND.getName(), preset.getMediaKind());
        values.put(P_CREDITS.getName(), preset.getCredits());
        values.put(P_REASON.getName(), "Generation: " + preset.getName());
        values.put(P_REFERENCE.getName(), reference(g.id()));
        values.put(P_NOW.getName(), now);
        values.put(P_TASK_INSTANCE.getName(), g.id().toString());
        Record row = dsl.resultQuery(statement.sql(), statement.bindings(values))
                .coerce(CREATE_ANSWER)
                .fetchOne();
        GenerationsRecord prior = null;
        if (row.get(GENERATIONS.ID) != null) {
            prior = new GenerationsRecord();
            prior.setId(row.get(GENERATIONS.ID));
            prior.setPresetId(row.get(GENERATIONS.PRESET_ID));
            prior.setUploadId(row.get(GENERATIONS.UPLOAD_ID));
            prior.setStatus(row.get(GENERATIONS.STATUS));
            prior.setCreditsCharged(row.get(GENERATIONS.CREDITS_CHARGED));
            prior.setCreatedAt(row.get(GENERATIONS.CREATED_AT));
        }
        CreateOutcome outcome = new CreateOutcome(
                row.get(USERS.TIER),
                row.get(USERS.CREDITS),
                row.get(UPLOAD_OWNED),
                prior,
                prior != null && prior.getCreatedAt().isBefore(now.minus(keyLifetime)),
                row.get(BALANCE_AFTER));
        if (outcome.created()) {
            notices.publish(g.userId(), g.id(), GenerationStatus.PENDING, false);
        }
        return outcome;
    }

    /** Which variant of the create statement a request needs; each is rendered once. */
    private record CreateShape(boolean keyed, boolean paidTiersOnly, boolean paused, Optional<String> jobTask) {}

    /** A create statement rendered to SQL with {@code ?} placeholders, and the parameter behind each of them. */
    private record RenderedCreate(String sql, List<Param<?>> params) {
        Object[] bindings(Map<String, Object> values) {
            Object[] bindings = new Object[params.size()];
            for (int i = 0; i < bindings.length; i++) {
                bindings[i] =
                        databaseValue(params.get(i), values.get(params.get(i).getName()));
            }
            return bindings;
        }

        @SuppressWarnings("unchecked")
        private static <T> Object databaseValue(Param<T> param, Object value) {
            return ((Converter<Object, T>) param.getDataType().getConverter()).to((T) value);
        }
    }

    // rendering this CTE with jOOQ took more of the server's CPU than the rest of the request: render once per shape
    private RenderedCreate render(CreateShape shape) {
        Condition sameKey = shape.keyed()
                ? GENERATIONS.USER_ID.eq(P_USER).and(GENERATIONS.IDEMPOTENCY_KEY.eq(P_KEY))
                : DSL.falseCondition();
        Condition uploadOwned = DSL.exists(
                DSL.selectOne().from(UPLOADS).where(UPLOADS.ID.eq(P_UPLOAD)).and(UPLOADS.USER_ID.eq(P_USER)));
        Condition allowed = shape.paused() ? DSL.falseCondition() : DSL.trueCondition();
        if (shape.paidTiersOnly()) {
            allowed = allowed.and(USERS.TIER.in(Arrays.stream(Tier.values())
                    .filter(Tier::isPaid)
                    .map(tier -> DSL.inline(tier, USERS.TIER))
                    .toList()));
        }
        CreditLedger.StatementDebit debit = ledger.debitInStatement(
                P_USER,
                P_CREDITS,
                allowed.and(uploadOwned)
                        .andNotExists(DSL.selectOne().from(GENERATIONS).where(sameKey)),
                LedgerKind.DEBIT,
                P_REASON,
                P_REFERENCE,
                P_NOW);
        CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted")
                .as(DSL.insertInto(
                                GENERATIONS,
                                GENERATIONS.ID,
                                GENERATIONS.USER_ID,
                                GENERATIONS.PRESET_ID,
                                GENERATIONS.UPLOAD_ID,
                                GENERATIONS.PROMPT,
                                GENERATIONS.STATUS,
                                GENERATIONS.MEDIA_KIND,
                                GENERATIONS.CREDITS_CHARGED,
                                GENERATIONS.IDEMPOTENCY_KEY,
                                GENERATIONS.CREATED_AT,
                                GENERATIONS.UPDATED_AT)
                        .select(DSL.select(
                                        P_GENERATION,
                                        P_USER,
                                        P_PRESET,
                                        P_UPLOAD,
                                        P_PROMPT,
                                        DSL.inline(GenerationStatus.PENDING, GENERATIONS.STATUS),
                                        P_MEDIA_KIND,
                                        P_CREDITS,
                                        shape.keyed() ? P_KEY : DSL.inline(null, GENERATIONS.IDEMPOTENCY_KEY),
                                        P_NOW,
                                        P_NOW)
                                .from(debit.balance()))
                        .returningResult(GENERATIONS.ID));
        var statement = DSL.with(debit.balance()).with(debit.entry()).with(inserted);
        if (shape.jobTask().isPresent()) {
            // the job's row rides in the same commit: no second transaction, and no paid generation without a job
            statement = statement.with(DSL.name("queued")
                    .as(DSL.insertInto(
                                    SCHEDULED_TASKS,
                                    SCHEDULED_TASKS.TASK_NAME,
                                    SCHEDULED_TASKS.TASK_INSTANCE,
                                    SCHEDULED_TASKS.EXECUTION_TIME,
                                    SCHEDULED_TASKS.PICKED,
                                    SCHEDULED_TASKS.VERSION)
                            .select(DSL.select(
                                            DSL.inline(shape.jobTask().get()),
                                            P_TASK_INSTANCE,
                                            P_NOW,
                                            DSL.inline(false),
                                            DSL.inline(1L))
                                    .from(inserted))
                            .returningResult(SCHEDULED_TASKS.TASK_INSTANCE)));
        }
        Field<Integer> balanceAfter =
                DSL.field(DSL.select(debit.balance().field(USERS.CREDITS)).from(debit.balance()));
        Query query = statement
                .select(
                        USERS.TIER,
                        USERS.CREDITS,
                        DSL.field(uploadOwned).as(UPLOAD_OWNED),
                        balanceAfter.as(BALANCE_AFTER),
                        GENERATIONS.ID,
                        GENERATIONS.PRESET_ID,
                        GENERATIONS.UPLOAD_ID,
                        GENERATIONS.STATUS,
                        GENERATIONS.CREDITS_CHARGED,
                        GENERATIONS.CREATED_AT)
                .from(DSL.selectOne().asTable("one"))
                .leftJoin(USERS)
                .on(USERS.ID.eq(P_USER))
                .leftJoin(GENERATIONS)
                .on(sameKey);
        Map<String, Param<?>> byName = Map.ofEntries(ALL_PARAMS.stream()
                .map(p -> Map.entry(p.getName(), (Param<?>) p))
                .toArray(Map.Entry[]::new));
        List<Param<?>> order = new ArrayList<>();
        Matcher placeholder = NAMED_PLACEHOLDER.matcher(dsl.renderNamedParams(query));
        StringBuilder sql = new StringBuilder();
        while (placeholder.find()) {
            Param<?> param = byName.get(placeholder.group(1));
            if (param == null) {
                throw new IllegalStateException("unnamed value in the create statement: " + placeholder.group());
            }
            order.add(param);
            placeholder.appendReplacement(sql, "?");
        }
        placeholder.appendTail(sql);
        return new RenderedCreate(sql.toString(), List.copyOf(order));
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
        GenerationsRecord row = dsl.update(GENERATIONS)
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
        notices.publish(row.getUserId(), id, GenerationStatus.COMPLETED, false);
        return true;
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
            return Optional.of(row);
        });
        finished.ifPresent(row -> notices.publish(row.getUserId(), id, status, true));
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
