package com.pixfino.server.credits;

import static com.pixfino.server.db.jooq.Tables.ACCOUNT_TOMBSTONES;
import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.server.db.jooq.tables.records.CreditLedgerRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.domain.PageRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * The truth about money: every balance change is a ledger row written in the same transaction as a
 * conditional update of {@code users.credits}, so the balance always equals the ledger sum and can
 * never go below zero, whatever runs concurrently. The only writer of {@code credit_ledger} and of
 * {@code users.credits}.
 */
public final class CreditLedger {

    private final DSLContext dsl;
    private final Clock clock;

    public CreditLedger(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Adds {@code amount} (negative for debits) inside the caller's transaction.
     *
     * @return the ledger row this wrote, with the balance after it
     * @throws InsufficientCreditsException when the balance would go negative
     */
    public LedgerEntryView apply(
            DSLContext tx, UUID userId, int amount, LedgerKind kind, String reason, String reference) {
        Record1<Integer> updated = tx.update(USERS)
                .set(USERS.CREDITS, USERS.CREDITS.plus(amount))
                .where(USERS.ID.eq(userId))
                .and(USERS.CREDITS.plus(amount).ge(0))
                .returningResult(USERS.CREDITS)
                .fetchOne();
        if (updated == null) {
            Integer balance = tx.select(USERS.CREDITS)
                    .from(USERS)
                    .where(USERS.ID.eq(userId))
                    .fetchOne(USERS.CREDITS);
            if (balance == null) {
                throw DomainException.notFound("The user");
            }
            throw new InsufficientCreditsException(-amount, balance);
        }
        CreditLedgerRecord row = tx.insertInto(CREDIT_LEDGER)
                .set(CREDIT_LEDGER.USER_ID, userId)
                .set(CREDIT_LEDGER.AMOUNT, amount)
                .set(CREDIT_LEDGER.KIND, kind)
                .set(CREDIT_LEDGER.REASON, reason)
                .set(CREDIT_LEDGER.REFERENCE, reference)
                .set(CREDIT_LEDGER.BALANCE_AFTER, updated.value1())
                .set(CREDIT_LEDGER.CREATED_AT, OffsetDateTime.now(clock))
                .returning()
                .fetchOne();
        BalanceNotices.send(tx, userId, row.getBalanceAfter(), kind, row.getId());
        return view(row);
    }

    /**
     * A debit and its ledger row as two parts of a caller's single statement: {@code balance} takes {@code amount}
     * from the user when the balance covers it and {@code allowed} holds for the user's row (answering the new
     * balance), {@code entry} writes the ledger row for exactly that change. Both run in the caller's one commit, so
     * the balance still equals the ledger sum; when the debit matches no row, neither writes anything. The values are
     * fields (typically named parameters) so the caller can render the statement once and bind it many times.
     */
    public StatementDebit debitInStatement(
            Field<UUID> userId,
            Field<Integer> amount,
            Condition allowed,
            LedgerKind kind,
            Field<String> reason,
            Field<String> reference,
            Field<OffsetDateTime> at) {
        CommonTableExpression<Record1<Integer>> balance = DSL.name("debited")
                .as(DSL.update(USERS)
                        .set(USERS.CREDITS, USERS.CREDITS.minus(amount))
                        .where(USERS.ID.eq(userId))
                        .and(USERS.CREDITS.ge(amount))
                        .and(allowed)
                        .returningResult(USERS.CREDITS));
        CommonTableExpression<Record1<Long>> entry = DSL.name("debit_entry")
                .as(DSL.insertInto(
                                CREDIT_LEDGER,
                                CREDIT_LEDGER.USER_ID,
                                CREDIT_LEDGER.AMOUNT,
                                CREDIT_LEDGER.KIND,
                                CREDIT_LEDGER.REASON,
                                CREDIT_LEDGER.REFERENCE,
                                CREDIT_LEDGER.BALANCE_AFTER,
                                CREDIT_LEDGER.CREATED_AT)
                        .select(DSL.select(
                                        userId,
                                        amount.neg(),
                                        DSL.inline(kind, CREDIT_LEDGER.KIND),
                                        reason,
                                        reference,
                                        balance.field(USERS.CREDITS),
                                        at)
                                .from(balance))
                        .returningResult(CREDIT_LEDGER.ID));
        return new StatementDebit(balance, entry);
    }

    /** The two parts of {@link #debitInStatement}; {@code balance} answers the balance after the debit. */
    public record StatementDebit(
            CommonTableExpression<Record1<Integer>> balance, CommonTableExpression<Record1<Long>> entry) {}

    /** Applies a change in its own transaction and returns the row it wrote. */
    public LedgerEntryView apply(UUID userId, int amount, LedgerKind kind, String reason, String reference) {
        return dsl.transactionResult(cfg -> apply(DSL.using(cfg), userId, amount, kind, reason, reference));
    }

    /** What {@link #closeAccount} did: the tombstone the rows now belong to, how many, and the balance written off. */
    public record Tombstone(UUID id, int ledgerRows, int creditsWrittenOff) {}

    /**
     * Closes a deleted account's books inside the caller's transaction (which holds the user's row lock): writes
     * the remaining balance off with one last row, so the user's rows add up to zero, then moves every row of
     * theirs to a new tombstone id that names nobody. The sum of all ledger rows stays equal to the sum of all
     * balances, and every remaining user's balance still equals their own rows' sum.
     */
    public Tombstone closeAccount(DSLContext tx, UUID userId) {
        UUID tombstone = UUID.randomUUID();
        int balance = tx.select(USERS.CREDITS)
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .forUpdate()
                .fetchOptional(USERS.CREDITS)
                .orElseThrow(() -> DomainException.notFound("The user"));
        if (balance != 0) {
            apply(
                    tx,
                    userId,
                    -balance,
                    LedgerKind.ADJUSTMENT,
                    "Account deleted: remaining credits written off",
                    "account-deletion:" + tombstone);
        }
        int rows = tx.fetchCount(CREDIT_LEDGER, CREDIT_LEDGER.USER_ID.eq(userId));
        tx.insertInto(ACCOUNT_TOMBSTONES)
                .set(ACCOUNT_TOMBSTONES.ID, tombstone)
                .set(ACCOUNT_TOMBSTONES.DELETED_AT, OffsetDateTime.now(clock))
                .set(ACCOUNT_TOMBSTONES.LEDGER_ROWS, rows)
                .set(ACCOUNT_TOMBSTONES.CREDITS_WRITTEN_OFF, balance)
                .execute();
        tx.update(CREDIT_LEDGER)
                .setNull(CREDIT_LEDGER.USER_ID)
                .set(CREDIT_LEDGER.TOMBSTONE_ID, tombstone)
                .where(CREDIT_LEDGER.USER_ID.eq(userId))
                .execute();
        return new Tombstone(tombstone, rows, balance);
    }

    public int balance(UUID userId) {
        Integer balance =
                dsl.select(USERS.CREDITS).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.CREDITS);
        if (balance == null) {
            throw DomainException.notFound("The user");
        }
        return balance;
    }

    /** Sum of the user's ledger rows; equals {@link #balance(UUID)} at every commit. */
    public int ledgerSum(UUID userId) {
        return dsl.select(DSL.coalesce(DSL.sum(CREDIT_LEDGER.AMOUNT), DSL.inline(BigDecimal.ZERO)))
                .from(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.USER_ID.eq(userId))
                .fetchOne(0, Integer.class);
    }

    /** Newest first; the cursor holds the id of the last row of the previous page. */
    public Page<LedgerEntryView> entries(UUID userId, PageRequest page) {
        var condition = CREDIT_LEDGER.USER_ID.eq(userId);
        Long after = page.position(CreditLedger::afterId);
        if (after != null) {
            condition = condition.and(CREDIT_LEDGER.ID.lt(after));
        }
        return page.page(
                dsl.selectFrom(CREDIT_LEDGER)
                        .where(condition)
                        .orderBy(CREDIT_LEDGER.ID.desc())
                        .limit(page.fetchSize())
                        .fetch(CreditLedger::view),
                entry -> PageCursor.encode(Long.toString(entry.id())));
    }

    private static long afterId(String cursor) {
        long id = Long.parseLong(PageCursor.decode(cursor, 1).get(0));
        if (id < 1) {
            throw new IllegalArgumentException("ledger ids start at 1");
        }
        return id;
    }

    /** A ledger row as the API and the account export show it. */
    public static LedgerEntryView view(CreditLedgerRecord r) {
        return new LedgerEntryView(
                r.getId(),
                r.getKind(),
                r.getAmount(),
                r.getBalanceAfter(),
                r.getReason(),
                r.getReference(),
                r.getCreatedAt());
    }
}
