package com.pixfino.server.moderation;

import static com.pixfino.server.db.jooq.Tables.MODERATION_FLAGS;

import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.server.admin.AdminUsers;
import com.pixfino.server.admin.AuditTrail;
import com.pixfino.server.db.jooq.tables.records.ModerationFlagsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.generation.GenerationDeletion;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin closes a flag: dismisses it, deletes the flagged generation (as its owner's delete does: a running one is
 * canceled and refunded, its files go), or suspends the flagged user (as the users screen does). Each resolution is an
 * audit row; a flag is resolved once.
 */
public final class FlagResolutions {

    private static final Logger log = LoggerFactory.getLogger(FlagResolutions.class);

    static final String DISMISS = "dismiss";
    static final String DELETE_GENERATION = "delete_generation";
    static final String SUSPEND_USER = "suspend_user";
    private static final List<String> ACTIONS = List.of(DISMISS, DELETE_GENERATION, SUSPEND_USER);
    private static final int MAX_NOTE = 500;

    private final DSLContext dsl;
    private final ModerationFlags flags;
    private final GenerationDeletion deletion;
    private final AdminUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    public FlagResolutions(
            DSLContext dsl,
            ModerationFlags flags,
            GenerationDeletion deletion,
            AdminUsers users,
            AuditTrail audit,
            Clock clock) {
        this.dsl = dsl;
        this.flags = flags;
        this.deletion = deletion;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Resolves the open flag {@code id}: 404 unknown, 409 already resolved or an action that cannot apply to it. */
    public ModerationFlagView resolve(UUID adminId, long id, ResolveFlagRequest request) {
        String action = action(request.action());
        String note = note(request.note());
        ModerationFlagsRecord flag = open(id);
        switch (action) {
            case DELETE_GENERATION -> deleteGeneration(flag);
            case SUSPEND_USER -> suspendUser(adminId, flag, note);
            default -> {
                // dismissing changes nothing but the flag
            }
        }
        boolean resolved = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            ModerationFlagsRecord locked = flags.lock(tx, id);
            if (!ModerationFlags.OPEN.equals(locked.getStatus())) {
                return false;
            }
            tx.update(MODERATION_FLAGS)
                    .set(MODERATION_FLAGS.STATUS, ModerationFlags.RESOLVED)
                    .set(MODERATION_FLAGS.RESOLVED_AT, OffsetDateTime.now(clock))
                    .set(MODERATION_FLAGS.RESOLVED_BY, adminId)
                    .set(MODERATION_FLAGS.ACTION, action)
                    .set(MODERATION_FLAGS.NOTE, note)
                    .where(MODERATION_FLAGS.ID.eq(id))
                    .execute();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", ModerationFlags.RESOLVED);
            after.put("action", action);
            audit.record(
                    tx,
                    new AuditTrail.Action(
                            adminId,
                            "moderation_flag_resolved",
                            "moderation_flag",
                            Long.toString(id),
                            Map.of("status", ModerationFlags.OPEN),
                            after,
                            note));
            return true;
        });
        if (!resolved) {
            // another admin resolved it while this action ran: theirs stands
            throw alreadyResolved();
        }
        log.info("event=moderation_flag_resolved admin={} flag={} action={}", adminId, id, action);
        return flags.get(id);
    }

    private ModerationFlagsRecord open(long id) {
        ModerationFlagsRecord flag = dsl.selectFrom(MODERATION_FLAGS)
                .where(MODERATION_FLAGS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("Flag " + id));
        if (!ModerationFlags.OPEN.equals(flag.getStatus())) {
            throw alreadyResolved();
        }
        return flag;
    }

    private void deleteGeneration(ModerationFlagsRecord flag) {
        if (flag.getGenerationId() == null) {
            throw DomainException.conflict(
                    "no_generation",
                    "This flag is about a prompt refused before anything was made: there is no generation to delete.");
        }
        if (flag.getUserId() == null) {
            return;
        }
        try {
            deletion.delete(flag.getUserId(), flag.getGenerationId());
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            // gone already (its owner deleted it long ago): what the action asks for is done
        }
    }

    private void suspendUser(UUID adminId, ModerationFlagsRecord flag, String note) {
        if (flag.getUserId() == null) {
            throw DomainException.conflict("no_user", "This flag's account no longer exists.");
        }
        users.suspend(
                adminId,
                flag.getUserId(),
                note != null ? note : "Suspended by a moderator after flag " + flag.getId() + ".");
    }

    private static String action(String text) {
        if (text == null || !ACTIONS.contains(text.trim())) {
            throw DomainException.invalid(
                    "invalid_action", "action must be dismiss, delete_generation or suspend_user.");
        }
        return text.trim();
    }

    private static String note(String text) {
        String note = text == null ? "" : Text.line("note", text).strip();
        if (note.length() > MAX_NOTE) {
            throw DomainException.invalid("invalid_note", "The note is at most " + MAX_NOTE + " characters.");
        }
        return note.isEmpty() ? null : note;
    }

    private static DomainException alreadyResolved() {
        return DomainException.conflict("already_resolved", "This flag is already resolved.");
    }
}
