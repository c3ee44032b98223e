package com.pixfino.server.moderation;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.MODERATION_FLAGS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.server.db.jooq.tables.records.ModerationFlagsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.domain.SignedCursor;
import com.pixfino.server.domain.Text;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The moderation queue: flags written by the prompt screen, by provider safety refusals and by users' reports. */
public final class ModerationFlags {

    private static final Logger log = LoggerFactory.getLogger(ModerationFlags.class);

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    static final String PROMPT = "prompt";
    static final String PROVIDER = "provider";
    static final String REPORT = "report";
    private static final int MAX_REASON = 500;
    private static final String LIST = "moderation-flags";

    private final DSLContext dsl;
    private final SignedCursor cursors;
    private final Clock clock;

    public ModerationFlags(DSLContext dsl, SignedCursor cursors, Clock clock) {
        this.dsl = dsl;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** A prompt refused at create: no generation exists; the matched words are kept for the moderators. */
    public long promptRefused(UUID userId, String prompt, List<String> matched, String reason) {
        long id = dsl.insertInto(MODERATION_FLAGS)
                .set(MODERATION_FLAGS.SOURCE, PROMPT)
                .set(MODERATION_FLAGS.USER_ID, userId)
                .set(MODERATION_FLAGS.PROMPT, prompt)
                .set(MODERATION_FLAGS.MATCHED, String.join("\n", matched))
                .set(MODERATION_FLAGS.REASON, reason)
                .set(MODERATION_FLAGS.CREATED_AT, OffsetDateTime.now(clock))
                .returning(MODERATION_FLAGS.ID)
                .fetchOne(MODERATION_FLAGS.ID);
        log.info("event=prompt_rejected user={} flag={} matched={}", userId, id, matched.size());
        return id;
    }

    /** A provider's safety check refused the generation; the flag names it with the provider's reason. */
    public void providerRefused(UUID generationId, String reason) {
        int written = dsl.insertInto(
                        MODERATION_FLAGS,
                        MODERATION_FLAGS.SOURCE,
                        MODERATION_FLAGS.USER_ID,
                        MODERATION_FLAGS.GENERATION_ID,
                        MODERATION_FLAGS.PROMPT,
                        MODERATION_FLAGS.REASON,
                        MODERATION_FLAGS.CREATED_AT)
                .select(DSL.select(
                                DSL.val(PROVIDER),
                                GENERATIONS.USER_ID,
                                GENERATIONS.ID,
                                GENERATIONS.PROMPT,
                                DSL.val(clip(reason)),
                                DSL.val(OffsetDateTime.now(clock)))
                        .from(GENERATIONS)
                        .where(GENERATIONS.ID.eq(generationId)))
                .execute();
        log.info("event=provider_safety_flag generation={} written={}", generationId, written);
    }

    /**
     * The owner reports one of their results. Reporting the same result twice is a 409; another user's generation or
     * an unknown one is a 404.
     */
    public ModerationFlagView report(UUID userId, UUID generationId, String reasonText) {
        String reason =
                reasonText == null ? "" : Text.line("reason", reasonText).strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw DomainException.invalid(
                    "invalid_reason", "Say what is wrong with this result in 1 to " + MAX_REASON + " characters.");
        }
        // a result made without a prompt of its own has none (null): fetch the row, not the value, to tell it apart
        String prompt = dsl.select(GENERATIONS.PROMPT)
                .from(GENERATIONS)
                .where(GENERATIONS.ID.eq(generationId).and(GENERATIONS.USER_ID.eq(userId)))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("Generation " + generationId))
                .value1();
        long id;
        try {
            id = dsl.insertInto(MODERATION_FLAGS)
                    .set(MODERATION_FLAGS.SOURCE, REPORT)
                    .set(MODERATION_FLAGS.USER_ID, userId)
                    .set(MODERATION_FLAGS.GENERATION_ID, generationId)
                    .set(MODERATION_FLAGS.PROMPT, prompt)
                    .set(MODERATION_FLAGS.REASON, reason)
                    .set(MODERATION_FLAGS.CREATED_AT, OffsetDateTime.now(clock))
                    .returning(MODERATION_FLAGS.ID)
                    .fetchOne(MODERATION_FLAGS.ID);
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw DomainException.conflict(
                        "already_reported", "You already reported this result; the moderators have it.");
            }
            throw e;
        }
        log.info("event=generation_reported user={} generation={} flag={}", userId, generationId, id);
        return get(id);
    }

    /** One flag, for the admin. */
    public ModerationFlagView get(long id) {
        return select(dsl)
                .where(MODERATION_FLAGS.ID.eq(id))
                .fetchOptional(ModerationFlags::view)
                .orElseThrow(() -> DomainException.notFound("Flag " + id));
    }

    /** The flag's row locked for a change in {@code tx}; a 404 when there is none. */
    ModerationFlagsRecord lock(DSLContext tx, long id) {
        return tx.selectFrom(MODERATION_FLAGS)
                .where(MODERATION_FLAGS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("Flag " + id));
    }

    /** Newest first, of one status or all; the signed cursor holds the last id and is tied to the status asked. */
    public Page<ModerationFlagView> list(String status, PageRequest page) {
        String wanted = status(status);
        String list = LIST + ":" + (wanted == null ? "all" : wanted);
        Condition condition = wanted == null ? DSL.trueCondition() : MODERATION_FLAGS.STATUS.eq(wanted);
        Long after = page.position(cursor ->
                SignedCursor.canonicalLong(cursors.decode(list, cursor, 1).get(0), 1, Long.MAX_VALUE));
        if (after != null) {
            condition = condition.and(MODERATION_FLAGS.ID.lt(after));
        }
        return page.page(
                select(dsl)
                        .where(condition)
                        .orderBy(MODERATION_FLAGS.ID.desc())
                        .limit(page.fetchSize())
                        .fetch(ModerationFlags::view),
                flag -> cursors.encode(list, Long.toString(flag.id())));
    }

    /** {@code open}, {@code resolved}, or null (absent: every flag); anything else is a 400. */
    private static String status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String status = text.trim();
        if (!status.equals(OPEN) && !status.equals(RESOLVED)) {
            throw DomainException.invalid(
                    "invalid_status",
                    "status must be open or resolved (or left out for every flag); '" + Text.quote(status, 20)
                            + "' is neither.");
        }
        return status;
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext tx) {
        return tx.select(MODERATION_FLAGS.asterisk(), USERS.EMAIL)
                .from(MODERATION_FLAGS)
                .leftJoin(USERS)
                .on(USERS.ID.eq(MODERATION_FLAGS.USER_ID));
    }

    private static ModerationFlagView view(Record r) {
        ModerationFlagsRecord f = r.into(MODERATION_FLAGS);
        return new ModerationFlagView(
                f.getId(),
                f.getSource(),
                f.getStatus(),
                f.getUserId(),
                r.get(USERS.EMAIL),
                f.getGenerationId(),
                f.getPrompt(),
                f.getMatched() == null || f.getMatched().isEmpty()
                        ? List.of()
                        : Arrays.asList(f.getMatched().split("\n")),
                f.getReason(),
                f.getCreatedAt(),
                f.getResolvedAt(),
                f.getResolvedBy(),
                f.getAction(),
                f.getNote());
    }

    /** A provider's reason fits the column; it is the generation's error message, already one line. */
    private static String clip(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
    }
}
