package com.pixfino.server.admin;

import static com.pixfino.server.db.jooq.Tables.ADMIN_AUDIT;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.domain.SignedCursor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The record of admin actions: one row per action, written in the action's own transaction, listed newest first. */
public final class AuditTrail {

    private static final String LIST = "admin-audit";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final DSLContext dsl;
    private final ObjectMapper mapper;
    private final SignedCursor cursors;
    private final Clock clock;

    public AuditTrail(DSLContext dsl, ObjectMapper mapper, SignedCursor cursors, Clock clock) {
        this.dsl = dsl;
        this.mapper = mapper;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** What an admin did to a target: {@code before} and {@code after} hold the fields that changed. */
    public record Action(
            UUID adminId,
            String action,
            String targetType,
            String targetId,
            Map<String, Object> before,
            Map<String, Object> after,
            String reason) {}

    /** Writes the row inside the caller's transaction, so an action and its record commit together. */
    public long record(DSLContext tx, Action action) {
        return tx.insertInto(ADMIN_AUDIT)
                .set(ADMIN_AUDIT.ADMIN_ID, action.adminId())
                .set(ADMIN_AUDIT.ACTION, action.action())
                .set(ADMIN_AUDIT.TARGET_TYPE, action.targetType())
                .set(ADMIN_AUDIT.TARGET_ID, action.targetId())
                .set(ADMIN_AUDIT.BEFORE_VALUE, json(action.before()))
                .set(ADMIN_AUDIT.AFTER_VALUE, json(action.after()))
                .set(ADMIN_AUDIT.REASON, action.reason())
                .set(ADMIN_AUDIT.CREATED_AT, OffsetDateTime.now(clock))
                .returning(ADMIN_AUDIT.ID)
                .fetchOne(ADMIN_AUDIT.ID);
    }

    /** Newest first; the cursor (signed) holds the id of the last row of the previous page. */
    public Page<AuditEntryView> list(PageRequest page) {
        Condition condition = DSL.trueCondition();
        Long after = page.position(cursor ->
                SignedCursor.canonicalLong(cursors.decode(LIST, cursor, 1).get(0), 1, Long.MAX_VALUE));
        if (after != null) {
            condition = ADMIN_AUDIT.ID.lt(after);
        }
        return page.page(
                dsl.select(ADMIN_AUDIT.asterisk(), USERS.EMAIL)
                        .from(ADMIN_AUDIT)
                        .leftJoin(USERS)
                        .on(USERS.ID.eq(ADMIN_AUDIT.ADMIN_ID))
                        .where(condition)
                        .orderBy(ADMIN_AUDIT.ID.desc())
                        .limit(page.fetchSize())
                        .fetch(r -> {
                            var row = r.into(ADMIN_AUDIT);
                            return new AuditEntryView(
                                    row.getId(),
                                    row.getAdminId(),
                                    r.get(USERS.EMAIL),
                                    row.getAction(),
                                    row.getTargetType(),
                                    row.getTargetId(),
                                    object(row.getBeforeValue()),
                                    object(row.getAfterValue()),
                                    row.getReason(),
                                    row.getCreatedAt());
                        }),
                entry -> cursors.encode(LIST, Long.toString(entry.id())));
    }

    private String json(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit value is not JSON", e);
        }
    }

    private Map<String, Object> object(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit row holds no JSON object", e);
        }
    }
}
