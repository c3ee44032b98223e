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
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
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
 * The paid create as one SQL statement (see {@link GenerationStore#createPaid}), built by jOOQ from named parameters,
 * rendered once per shape and bound per request: rendering the CTE on every create cost more of the server's CPU than
 * running it.
 */
final class PaidCreateStatement {

    private static final Param<UUID> P_USER = DSL.param("user_id", USERS.ID);
    private static final Param<UUID> P_UPLOAD = DSL.param("upload_id", UPLOADS.ID);
    private static final Param<String> P_KEY = DSL.param("idempotency_key", GENERATIONS.IDEMPOTENCY_KEY);
    private static final Param<UUID> P_GENERATION = DSL.param("generation_id", GENERATIONS.ID);
    private static final Param<Long> P_PRESET = DSL.param("preset_id", GENERATIONS.PRESET_ID);
    private static final Param<String> P_PROMPT = DSL.param("prompt", GENERATIONS.PROMPT);
    private static final Param<String> P_NEGATIVE_PROMPT = DSL.param("negative_prompt", GENERATIONS.NEGATIVE_PROMPT);
    private static final Param<String> P_ASPECT_RATIO = DSL.param("aspect_ratio", GENERATIONS.ASPECT_RATIO);
    private static final Param<Long> P_SEED = DSL.param("seed", GENERATIONS.SEED);
    private static final Param<Boolean> P_SEED_GIVEN = DSL.param("seed_given", GENERATIONS.SEED_GIVEN);
    private static final Param<UUID> P_GROUP = DSL.param("group_id", GENERATIONS.GROUP_ID);
    private static final Param<UUID> P_STYLE = DSL.param("style_id", GENERATIONS.STYLE_ID);
    private static final Param<Integer> P_PRESET_VERSION = DSL.param("preset_version", GENERATIONS.PRESET_VERSION);
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
            P_NEGATIVE_PROMPT,
            P_ASPECT_RATIO,
            P_SEED,
            P_SEED_GIVEN,
            P_GROUP,
            P_STYLE,
            P_PRESET_VERSION,
            P_MEDIA_KIND,
            P_CREDITS,
            P_REASON,
            P_REFERENCE,
            P_NOW,
            P_TASK_INSTANCE);
    private static final Pattern NAMED_PLACEHOLDER = Pattern.compile("(?<![:\\w]):([a-z_]+)");
    static final Field<Boolean> UPLOAD_OWNED = DSL.field(DSL.name("upload_owned"), Boolean.class);
    static final Field<Integer> BALANCE_AFTER = DSL.field(DSL.name("balance_after"), Integer.class);
    private static final Field<?>[] CREATE_ANSWER = answer(UPLOAD_OWNED, BALANCE_AFTER);

    /** The answer's columns, in order: the user's tier and credits, the two computed ones, then the new row's. */
    private static Field<?>[] answer(Field<Boolean> uploadOwned, Field<Integer> balanceAfter) {
        return new Field<?>[] {
            USERS.TIER,
            USERS.CREDITS,
            uploadOwned,
            balanceAfter,
            GENERATIONS.ID,
            GENERATIONS.PRESET_ID,
            GENERATIONS.UPLOAD_ID,
            GENERATIONS.STATUS,
            GENERATIONS.CREDITS_CHARGED,
            GENERATIONS.CREATED_AT,
            GENERATIONS.PROMPT,
            GENERATIONS.NEGATIVE_PROMPT,
            GENERATIONS.ASPECT_RATIO,
            GENERATIONS.SEED,
            GENERATIONS.SEED_GIVEN,
            GENERATIONS.GROUP_ID,
            GENERATIONS.STYLE_ID
        };
    }

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final Map<CreateShape, RenderedCreate> rendered = new ConcurrentHashMap<>();

    PaidCreateStatement(DSLContext dsl, CreditLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** Runs the statement for {@code g}; the answer's columns are {@link #CREATE_ANSWER}'s fields. */
    Record run(
            GenerationStore.NewGeneration g,
            boolean paidTiersOnly,
            boolean paused,
            Optional<String> jobTask,
            OffsetDateTime now) {
        PresetsRecord preset = g.preset();
        RenderedCreate statement = rendered.computeIfAbsent(
                new CreateShape(g.idempotencyKey() != null, paidTiersOnly, paused, jobTask), this::render);
        Map<String, Object> values = new HashMap<>();
        values.put(P_USER.getName(), g.userId());
        values.put(P_UPLOAD.getName(), g.uploadId());
        values.put(P_KEY.getName(), g.idempotencyKey());
        values.put(P_GENERATION.getName(), g.id());
        values.put(P_PRESET.getName(), preset.getId());
        values.put(P_PROMPT.getName(), g.options().prompt());
        values.put(P_NEGATIVE_PROMPT.getName(), g.options().negativePrompt());
        values.put(P_ASPECT_RATIO.getName(), g.options().format().label());
        values.put(P_SEED.getName(), g.options().seed());
        values.put(P_SEED_GIVEN.getName(), g.options().seedGiven());
        values.put(P_GROUP.getName(), g.options().groupId());
        values.put(P_STYLE.getName(), g.options().styleId());
        values.put(P_PRESET_VERSION.getName(), preset.getVersion());
        values.put(P_MEDIA_KIND.getName(), preset.getMediaKind());
        values.put(P_CREDITS.getName(), preset.getCredits());
        values.put(P_REASON.getName(), "Generation: " + preset.getName());
        values.put(P_REFERENCE.getName(), GenerationStore.reference(g.id()));
        values.put(P_NOW.getName(), now);
        values.put(P_TASK_INSTANCE.getName(), g.id().toString());
        return dsl.resultQuery(statement.sql(), statement.bindings(values))
                .coerce(CREATE_ANSWER)
                .fetchOne();
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
                                GENERATIONS.NEGATIVE_PROMPT,
                                GENERATIONS.ASPECT_RATIO,
                                GENERATIONS.SEED,
                                GENERATIONS.SEED_GIVEN,
                                GENERATIONS.GROUP_ID,
                                GENERATIONS.STYLE_ID,
                                GENERATIONS.PRESET_VERSION,
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
                                        P_NEGATIVE_PROMPT,
                                        P_ASPECT_RATIO,
                                        P_SEED,
                                        P_SEED_GIVEN,
                                        P_GROUP,
                                        P_STYLE,
                                        P_PRESET_VERSION,
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
                .select(answer(DSL.field(uploadOwned).as(UPLOAD_OWNED), balanceAfter.as(BALANCE_AFTER)))
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
}
