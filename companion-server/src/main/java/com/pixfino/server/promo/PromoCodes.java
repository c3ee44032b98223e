package com.pixfino.server.promo;

import static com.pixfino.server.db.jooq.Tables.PROMO_CODES;
import static com.pixfino.server.db.jooq.Tables.PROMO_REDEMPTIONS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.promo.PromoCodeList;
import com.pixfino.model.api.promo.PromoCodeRequest;
import com.pixfino.model.api.promo.PromoCodeStatus;
import com.pixfino.model.api.promo.PromoCodeView;
import com.pixfino.model.api.promo.RedeemView;
import com.pixfino.server.admin.AuditTrail;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.PromoCodesRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promo codes: admins create, list and expire them (each action audited); a signed-in user redeems a code once for a
 * GRANT ledger row. The code's redemption count is raised by a conditional update in the redeeming transaction, so
 * concurrent redemptions never pass the maximum, and the redemption row's primary key makes one grant per account.
 * Failed redemptions are counted per account: guessing codes ends in a 429.
 */
public final class PromoCodes {

    private static final Logger log = LoggerFactory.getLogger(PromoCodes.class);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,32}");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_CREDITS = 10_000;
    private static final int MAX_REDEMPTIONS = 1_000_000;
    // far beyond any campaign, and inside what PostgreSQL stores
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final AuditTrail audit;
    private final RateLimits limits;
    private final Clock clock;

    public PromoCodes(DSLContext dsl, CreditLedger ledger, AuditTrail audit, RateLimits limits, Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Creates a code (stored upper-case) and its audit row.
     *
     * @throws DomainException INVALID naming the field; CONFLICT {@code code_taken} when the code exists in any case
     */
    public PromoCodeView create(UUID adminId, PromoCodeRequest request) {
        String code = request.code() == null ? "" : request.code().trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid(
                    "invalid_code", "code must be 3 to 32 letters, digits, _ or - (like SPRING-25).");
        }
        int credits = whole(request.credits(), 1, MAX_CREDITS, "credits", "invalid_credits");
        int max = whole(request.maxRedemptions(), 1, MAX_REDEMPTIONS, "maxRedemptions", "invalid_max_redemptions");
        OffsetDateTime from = time(request.validFrom(), "validFrom", "invalid_valid_from");
        OffsetDateTime to = time(request.validTo(), "validTo", "invalid_valid_to");
        if (!from.isBefore(to)) {
            throw DomainException.invalid("invalid_valid_to", "validTo must be later than validFrom.");
        }
        OffsetDateTime now = now();
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                PromoCodesRecord row = tx.insertInto(PROMO_CODES)
                        .set(PROMO_CODES.CODE, code)
                        .set(PROMO_CODES.CREDITS, credits)
                        .set(PROMO_CODES.MAX_REDEMPTIONS, max)
                        .set(PROMO_CODES.VALID_FROM, from)
                        .set(PROMO_CODES.VALID_TO, to)
                        .set(PROMO_CODES.CREATED_BY, adminId)
                        .set(PROMO_CODES.CREATED_AT, now)
                        .returning()
                        .fetchOne();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("credits", credits);
                after.put("maxRedemptions", max);
                after.put("validFrom", utc(from).toString());
                after.put("validTo", utc(to).toString());
                audit.record(
                        tx, new AuditTrail.Action(adminId, "promo_code_create", "promo_code", code, null, after, null));
                log.info("event=promo_code_created admin={} code_id={}", adminId, row.getId());
                return view(row, now);
            });
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw DomainException.conflict(
                        "code_taken", "A promo code " + code + " exists already (codes ignore case); choose another.");
            }
            throw e;
        }
    }

    /** Every code, newest first, with its redemption count now. */
    public PromoCodeList list() {
        OffsetDateTime now = now();
        return new PromoCodeList(dsl.selectFrom(PROMO_CODES)
                .orderBy(PROMO_CODES.CREATED_AT.desc(), PROMO_CODES.ID.desc())
                .fetch(row -> view(row, now)));
    }

    /**
     * Ends the code now (validTo = now) with an audit row; a code that has ended already stays as it is.
     *
     * @throws DomainException NOT_FOUND for an unknown code
     */
    public PromoCodeView expire(UUID adminId, String rawCode) {
        String code = rawCode == null ? "" : rawCode.trim().toUpperCase(Locale.ROOT);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            PromoCodesRecord row = CODE.matcher(code).matches()
                    ? tx.selectFrom(PROMO_CODES)
                            .where(PROMO_CODES.CODE.eq(code))
                            .forUpdate()
                            .fetchOne()
                    : null;
            if (row == null) {
                throw DomainException.notFound("Promo code '" + Text.quote(code, 40) + "'");
            }
            OffsetDateTime now = now();
            if (row.getValidTo().isAfter(now)) {
                OffsetDateTime before = row.getValidTo();
                row.setValidTo(now);
                tx.update(PROMO_CODES)
                        .set(PROMO_CODES.VALID_TO, now)
                        .where(PROMO_CODES.ID.eq(row.getId()))
                        .execute();
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId,
                                "promo_code_expire",
                                "promo_code",
                                code,
                                Map.of("validTo", utc(before).toString()),
                                Map.of("validTo", utc(now).toString()),
                                null));
                log.info("event=promo_code_expired admin={} code_id={}", adminId, row.getId());
            }
            return view(row, now);
        });
    }

    /**
     * Grants the code's credits to the user once, as a GRANT ledger row referenced {@code promo:{CODE}:{userId}}.
     *
     * @throws DomainException NOT_FOUND {@code unknown_code} (also before validFrom); GONE {@code expired}; CONFLICT
     *     {@code already_redeemed} or {@code used_up}; TOO_MANY_REQUESTS after too many failed attempts this hour
     */
    public RedeemView redeem(UUID userId, String rawCode) {
        String subject = userId.toString();
        limits.ensureLeft(Budget.FAILED_REDEEMS_PER_ACCOUNT, subject);
        if (rawCode == null || rawCode.isBlank()) {
            throw DomainException.invalid(
                    "invalid_code", "code is required: the promo code to redeem, like SPRING-25.");
        }
        String code = rawCode.trim().toUpperCase(Locale.ROOT);
        try {
            return dsl.transactionResult(cfg -> redeem(DSL.using(cfg), userId, code));
        } catch (DomainException e) {
            limits.charge(Budget.FAILED_REDEEMS_PER_ACCOUNT, subject);
            log.info("event=promo_redeem_refused user={} reason={}", userId, e.code());
            throw e;
        }
    }

    private RedeemView redeem(DSLContext tx, UUID userId, String code) {
        // the account first, as every balance change does: deletion and other grants wait for this one
        tx.select(USERS.ID)
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("The user"));
        OffsetDateTime now = now();
        PromoCodesRecord promo = CODE.matcher(code).matches()
                ? tx.selectFrom(PROMO_CODES).where(PROMO_CODES.CODE.eq(code)).fetchOne()
                : null;
        if (promo == null || now.isBefore(promo.getValidFrom())) {
            throw new DomainException(
                    DomainException.Kind.NOT_FOUND,
                    "unknown_code",
                    "There is no promo code '" + Text.quote(code, 40) + "'. Check its spelling.");
        }
        if (!now.isBefore(promo.getValidTo())) {
            throw expired(code);
        }
        // the primary key makes this a no-op for an account that has it already (a racing twin waits, then sees it)
        int claimed = tx.insertInto(PROMO_REDEMPTIONS)
                .set(PROMO_REDEMPTIONS.PROMO_CODE_ID, promo.getId())
                .set(PROMO_REDEMPTIONS.USER_ID, userId)
                .set(PROMO_REDEMPTIONS.CREDITS, promo.getCredits())
                .set(PROMO_REDEMPTIONS.REDEEMED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (claimed == 0) {
            throw DomainException.conflict(
                    "already_redeemed", "You have redeemed the code " + code + " already; each account can once.");
        }
        // re-checked on the row's newest version after a concurrent redemption commits: never past the maximum
        Record1<Integer> counted = tx.update(PROMO_CODES)
                .set(PROMO_CODES.REDEMPTIONS, PROMO_CODES.REDEMPTIONS.plus(1))
                .where(PROMO_CODES.ID.eq(promo.getId()))
                .and(PROMO_CODES.REDEMPTIONS.lt(PROMO_CODES.MAX_REDEMPTIONS))
                .and(PROMO_CODES.VALID_TO.gt(now))
                .returningResult(PROMO_CODES.CREDITS)
                .fetchOne();
        if (counted == null) {
            OffsetDateTime validTo = tx.select(PROMO_CODES.VALID_TO)
                    .from(PROMO_CODES)
                    .where(PROMO_CODES.ID.eq(promo.getId()))
                    .fetchOne(PROMO_CODES.VALID_TO);
            if (validTo == null || !now.isBefore(validTo)) {
                throw expired(code);
            }
            throw DomainException.conflict(
                    "used_up", "The code " + code + " has been redeemed as often as it may be; it is used up.");
        }
        int credits = counted.value1();
        LedgerEntryView entry = ledger.apply(
                tx, userId, credits, LedgerKind.GRANT, "Promo code " + code, "promo:" + code + ":" + userId);
        log.info("event=promo_redeemed user={} code_id={} credits={}", userId, promo.getId(), credits);
        return new RedeemView(code, credits, entry.balanceAfter());
    }

    /** Where a code stands at {@code now}: an ended code is expired even when it was used up too. */
    static PromoCodeStatus status(PromoCodesRecord row, OffsetDateTime now) {
        if (!now.isBefore(row.getValidTo())) {
            return PromoCodeStatus.EXPIRED;
        }
        if (row.getRedemptions() >= row.getMaxRedemptions()) {
            return PromoCodeStatus.USED_UP;
        }
        return now.isBefore(row.getValidFrom()) ? PromoCodeStatus.SCHEDULED : PromoCodeStatus.ACTIVE;
    }

    private static PromoCodeView view(PromoCodesRecord row, OffsetDateTime now) {
        return new PromoCodeView(
                row.getCode(),
                row.getCredits(),
                row.getMaxRedemptions(),
                row.getRedemptions(),
                utc(row.getValidFrom()),
                utc(row.getValidTo()),
                status(row, now),
                utc(row.getCreatedAt()));
    }

    private static DomainException expired(String code) {
        return new DomainException(
                DomainException.Kind.GONE, "expired", "The code " + code + " has expired; it cannot be redeemed.");
    }

    private static int whole(Integer value, int min, int max, String field, String code) {
        if (value == null || value < min || value > max) {
            throw DomainException.invalid(code, field + " must be a whole number from " + min + " to " + max + ".");
        }
        return value;
    }

    private static OffsetDateTime time(OffsetDateTime value, String field, String code) {
        if (value == null || value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR) {
            throw DomainException.invalid(
                    code,
                    field + " must be a date and time like 2026-12-01T00:00:00Z, between the years " + FIRST_YEAR
                            + " and " + LAST_YEAR + ".");
        }
        return value;
    }

    /** Now, to the microsecond PostgreSQL keeps: an answer shows the time a later read shows. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
