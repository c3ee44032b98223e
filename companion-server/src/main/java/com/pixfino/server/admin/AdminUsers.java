package com.pixfino.server.admin;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.CreditAdjustmentRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.server.accounts.AccountNotices;
import com.pixfino.server.accounts.AccountService;
import com.pixfino.server.accounts.TokenService;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.credits.InsufficientCreditsException;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.domain.SignedCursor;
import com.pixfino.server.domain.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin users table, manual credit adjustments and suspensions; every change is written to the audit trail. */
public final class AdminUsers {

    private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);
    private static final int MAX_ADJUSTMENT = 1_000_000;
    private static final int MAX_REASON = 500;
    private static final String LIST = "admin-users";
    private static final String USER = "user";

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final AccountService accounts;
    private final TokenService tokens;
    private final AuditTrail audit;
    private final SignedCursor cursors;

    public AdminUsers(
            DSLContext dsl,
            CreditLedger ledger,
            AccountService accounts,
            TokenService tokens,
            AuditTrail audit,
            SignedCursor cursors) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.cursors = cursors;
    }

    private static final Field<Long> GENERATION_COUNT = DSL.field(
                    DSL.selectCount().from(GENERATIONS).where(GENERATIONS.USER_ID.eq(USERS.ID)))
            .cast(Long.class);

    /** The value a sort orders by, as a whole number (times as microseconds since 1970), so one keyset fits all. */
    private static Field<Long> key(UserQuery.Sort sort) {
        return switch (sort) {
            case JOINED -> micros(USERS.CREATED_AT);
            case LAST_LOGIN -> DSL.coalesce(micros(USERS.LAST_LOGIN_AT), DSL.inline(0L));
            case CREDITS -> USERS.CREDITS.cast(Long.class);
            case GENERATIONS -> GENERATION_COUNT;
        };
    }

    private static Field<Long> micros(Field<java.time.OffsetDateTime> at) {
        return DSL.field("cast(extract(epoch from {0}) * 1000000 as bigint)", Long.class, at);
    }

    private record Position(long key, UUID id) {}

    /** One page of the table in the query's order; the cursor is signed and tied to the query's filter and order. */
    public Page<AdminUserView> list(UserQuery query, PageRequest page) {
        Condition condition = DSL.trueCondition();
        if (query.q() != null && !query.q().isBlank()) {
            String like = "%"
                    + query.q()
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_") + "%";
            condition = condition.and(DSL.lower(USERS.EMAIL)
                    .like(like, '!')
                    .or(DSL.lower(USERS.NAME).like(like, '!')));
        }
        if (query.tier() != null) {
            condition = condition.and(USERS.TIER.eq(query.tier()));
        }
        if (query.status() != null) {
            condition = condition.and(USERS.STATUS.eq(query.status()));
        }
        Field<Long> key = key(query.sort());
        String list = LIST + ":" + query.fingerprint();
        Position after = page.position(cursor -> {
            List<String> fields = cursors.decode(list, cursor, 2);
            UUID id = UUID.fromString(fields.get(1));
            if (!id.toString().equals(fields.get(1))) {
                throw new IllegalArgumentException("not a canonical id");
            }
            return new Position(SignedCursor.canonicalLong(fields.get(0), 0, Long.MAX_VALUE), id);
        });
        if (after != null) {
            var past = DSL.row(key, USERS.ID);
            var at = DSL.row(DSL.val(after.key()), DSL.val(after.id()));
            condition = condition.and(query.descending() ? past.lt(at) : past.gt(at));
        }
        List<SortField<?>> order =
                query.descending() ? List.of(key.desc(), USERS.ID.desc()) : List.of(key.asc(), USERS.ID.asc());
        Field<Long> sortKey = key.as("sort_key");
        List<Row> rows = dsl.select(USERS.asterisk(), GENERATION_COUNT.as("generations"), sortKey)
                .from(USERS)
                .where(condition)
                .orderBy(order)
                .limit(page.fetchSize())
                .fetch(r -> new Row(view(r), r.get(sortKey)));
        Page<Row> found = page.page(
                rows,
                row -> cursors.encode(
                        list, Long.toString(row.key()), row.view().id().toString()));
        return new Page<>(found.items().stream().map(Row::view).toList(), found.nextCursor());
    }

    private record Row(AdminUserView view, long key) {}

    private static AdminUserView view(Record r) {
        var u = r.into(USERS);
        return new AdminUserView(
                u.getId(),
                u.getEmail(),
                u.getName(),
                u.getRole(),
                u.getTier(),
                u.getCredits(),
                r.get("generations", Long.class),
                u.getStatus().name(),
                u.getCreatedAt(),
                u.getLastLoginAt());
    }

    /** One row of the table. */
    public AdminUserView get(UUID userId) {
        return dsl.select(USERS.asterisk(), GENERATION_COUNT.as("generations"))
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .fetchOptional(AdminUsers::view)
                .orElseThrow(() -> DomainException.notFound("The user"));
    }

    /** Adds an ADJUSTMENT row for {@code userId}, signed by the admin who made it, and returns that row. */
    public LedgerEntryView adjust(UUID adminId, UUID userId, CreditAdjustmentRequest request) {
        Integer amount = request.amount();
        if (amount == null || amount == 0 || Math.abs((long) amount) > MAX_ADJUSTMENT) {
            throw DomainException.invalid(
                    "invalid_amount",
                    "amount must be a non-zero whole number between -" + MAX_ADJUSTMENT + " and " + MAX_ADJUSTMENT
                            + ".");
        }
        String reason = reason(request.reason(), true, "it is kept in the ledger");
        LedgerEntryView written;
        try {
            written = dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                LedgerEntryView entry =
                        ledger.apply(tx, userId, amount, LedgerKind.ADJUSTMENT, reason, "admin:" + adminId);
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId,
                                "credits_adjusted",
                                USER,
                                userId.toString(),
                                Map.of("credits", entry.balanceAfter() - amount),
                                Map.of("credits", entry.balanceAfter()),
                                reason));
                return entry;
            });
        } catch (InsufficientCreditsException e) {
            throw DomainException.conflict(
                    "balance_would_be_negative",
                    "This would take the balance below zero: the user has " + ledger.balance(userId) + " credits.");
        }
        log.info("event=credits_adjusted admin={} user={} amount={} entry={}", adminId, userId, amount, written.id());
        return written;
    }

    /**
     * Suspends the account: it can no longer sign in, and its sessions and API keys are refused from the next request
     * on (this server forgets the sessions it remembered); jobs already running finish. Suspending a suspended
     * account changes nothing and records nothing.
     */
    public AdminUserView suspend(UUID adminId, UUID userId, String reasonText) {
        if (adminId.equals(userId)) {
            throw DomainException.conflict(
                    "cannot_suspend_self", "You cannot suspend your own account; another administrator has to do it.");
        }
        String reason = reason(reasonText, true, "it is kept in the audit trail");
        changeStatus(adminId, userId, AccountStatus.SUSPENDED, "user_suspended", reason);
        return get(userId);
    }

    /** Lifts a suspension: the account may sign in again and its unexpired sessions and API keys work again. */
    public AdminUserView unsuspend(UUID adminId, UUID userId, String reasonText) {
        String reason = reason(reasonText, false, "it is kept in the audit trail");
        changeStatus(adminId, userId, AccountStatus.ACTIVE, "user_unsuspended", reason);
        return get(userId);
    }

    private void changeStatus(UUID adminId, UUID userId, AccountStatus status, String action, String reason) {
        AccountStatus before = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            AccountStatus was = accounts.changeStatus(tx, userId, status);
            if (was != status) {
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId,
                                action,
                                USER,
                                userId.toString(),
                                Map.of("status", was.name()),
                                Map.of("status", status.name()),
                                reason));
                if (status == AccountStatus.SUSPENDED) {
                    AccountNotices.closeStreams(tx, userId);
                }
            }
            return was;
        });
        // after the commit: a look-up that ran meanwhile may have remembered the session as active
        tokens.forget(userId);
        if (before != status) {
            log.info("event={} admin={} user={}", action, adminId, userId);
        }
    }

    /** A one-line reason of 1 to 500 characters; absent is allowed only when not {@code required} (then null). */
    private static String reason(String text, boolean required, String why) {
        String reason = text == null ? "" : Text.line("reason", text).trim();
        if (reason.isEmpty() && !required) {
            return null;
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw DomainException.invalid(
                    "invalid_reason", "Give a reason of 1 to " + MAX_REASON + " characters; " + why + ".");
        }
        return reason;
    }
}
