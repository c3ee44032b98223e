package com.pixfino.server.admin;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.CreditAdjustmentRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.credits.InsufficientCreditsException;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.domain.Text;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin users table and manual credit adjustments. */
public final class AdminUsers {

    private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);
    private static final int MAX_ADJUSTMENT = 1_000_000;

    private final DSLContext dsl;
    private final CreditLedger ledger;

    public AdminUsers(DSLContext dsl, CreditLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** Users ordered by email; {@code query} matches email or name; the cursor holds the last email seen. */
    public Page<AdminUserView> list(String query, PageRequest page) {
        Condition condition = DSL.trueCondition();
        if (query != null && !query.isBlank()) {
            String like = "%"
                    + query.trim()
                            .toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_") + "%";
            condition = condition.and(
                    USERS.EMAIL.like(like, '!').or(DSL.lower(USERS.NAME).like(like, '!')));
        }
        String afterEmail = page.position(AdminUsers::afterEmail);
        if (afterEmail != null) {
            condition = condition.and(USERS.EMAIL.gt(afterEmail));
        }
        var generations = DSL.selectCount()
                .from(GENERATIONS)
                .where(GENERATIONS.USER_ID.eq(USERS.ID))
                .asField("generations");
        List<AdminUserView> rows = dsl.select(USERS.asterisk(), generations)
                .from(USERS)
                .where(condition)
                .orderBy(USERS.EMAIL)
                .limit(page.fetchSize())
                .fetch(r -> {
                    var u = r.into(USERS);
                    return new AdminUserView(
                            u.getId(),
                            u.getEmail(),
                            u.getName(),
                            u.getRole(),
                            u.getTier(),
                            u.getCredits(),
                            r.get(generations, Long.class),
                            u.getStatus().name(),
                            u.getCreatedAt(),
                            u.getLastLoginAt());
                });
        return page.page(rows, user -> PageCursor.encode(user.email()));
    }

    /** The email a users cursor holds: an address, as every account's is. */
    private static String afterEmail(String cursor) {
        String email = PageCursor.decode(cursor, 1).get(0);
        if (email.length() > 320 || email.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an email");
        }
        return email;
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
        String reason = request.reason() == null
                ? ""
                : Text.line("reason", request.reason()).trim();
        if (reason.isEmpty() || reason.length() > 500) {
            throw DomainException.invalid(
                    "invalid_reason", "Give a reason of 1 to 500 characters; it is kept in the ledger.");
        }
        LedgerEntryView written;
        try {
            written = ledger.apply(userId, amount, LedgerKind.ADJUSTMENT, reason, "admin:" + adminId);
        } catch (InsufficientCreditsException e) {
            throw DomainException.conflict(
                    "balance_would_be_negative",
                    "This would take the balance below zero: the user has " + ledger.balance(userId) + " credits.");
        }
        log.info("event=credits_adjusted admin={} user={} amount={} entry={}", adminId, userId, amount, written.id());
        return written;
    }
}
