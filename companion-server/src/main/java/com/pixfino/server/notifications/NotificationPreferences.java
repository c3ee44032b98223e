package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.api.NotificationPreferencesView;
import com.pixfino.server.db.jooq.tables.records.NotificationPreferencesRecord;
import com.pixfino.server.domain.DomainException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which non-essential mails each user gets (no row: {@link NotificationPreferencesView#DEFAULTS}), and who such a mail
 * may go to at all: an active account with a verified address whose preference for it is on.
 */
public final class NotificationPreferences {

    private static final Logger log = LoggerFactory.getLogger(NotificationPreferences.class);

    private final DSLContext dsl;
    private final Clock clock;

    public NotificationPreferences(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public NotificationPreferencesView get(UUID userId) {
        return dsl.selectFrom(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                .fetchOptional()
                .map(NotificationPreferences::view)
                .orElse(NotificationPreferencesView.DEFAULTS);
    }

    /**
     * Stores all three preferences and answers them.
     *
     * @throws DomainException INVALID {@code missing_field} when one of the three is absent or null
     */
    public NotificationPreferencesView replace(UUID userId, NotificationPreferencesView wanted) {
        boolean lowCredits = required(wanted.lowCredits(), NotificationKind.LOW_CREDITS);
        boolean receipts = required(wanted.receipts(), NotificationKind.RECEIPTS);
        boolean weeklyDigest = required(wanted.weeklyDigest(), NotificationKind.WEEKLY_DIGEST);
        OffsetDateTime now = OffsetDateTime.now(clock);
        NotificationPreferencesRecord stored = dsl.insertInto(NOTIFICATION_PREFERENCES)
                .set(NOTIFICATION_PREFERENCES.USER_ID, userId)
                .set(NOTIFICATION_PREFERENCES.LOW_CREDITS, lowCredits)
                .set(NOTIFICATION_PREFERENCES.RECEIPTS, receipts)
                .set(NOTIFICATION_PREFERENCES.WEEKLY_DIGEST, weeklyDigest)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .onConflict(NOTIFICATION_PREFERENCES.USER_ID)
                .doUpdate()
                .set(NOTIFICATION_PREFERENCES.LOW_CREDITS, lowCredits)
                .set(NOTIFICATION_PREFERENCES.RECEIPTS, receipts)
                .set(NOTIFICATION_PREFERENCES.WEEKLY_DIGEST, weeklyDigest)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .returning()
                .fetchOne();
        log.info(
                "event=notification_preferences_changed user={} low_credits={} receipts={} weekly_digest={}",
                userId,
                lowCredits,
                receipts,
                weeklyDigest);
        return view(stored);
    }

    /**
     * Turns one preference off (an unsubscribe link); doing it again changes nothing. Answers false when the account
     * no longer exists (nothing is sent to it either way).
     */
    public boolean turnOff(UUID userId, NotificationKind kind) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int rows = dsl.insertInto(
                        NOTIFICATION_PREFERENCES,
                        NOTIFICATION_PREFERENCES.USER_ID,
                        kind.column(),
                        NOTIFICATION_PREFERENCES.UPDATED_AT)
                .select(DSL.select(DSL.val(userId), DSL.inline(false), DSL.val(now))
                        .from(USERS)
                        .where(USERS.ID.eq(userId)))
                .onConflict(NOTIFICATION_PREFERENCES.USER_ID)
                .doUpdate()
                .set(kind.column(), false)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .execute();
        if (rows > 0) {
            log.info("event=unsubscribed user={} kind={}", userId, kind.field());
        }
        return rows > 0;
    }

    /** Who may get a mail of {@code kind}: present for an active account with a verified address that wants it. */
    Optional<Recipient> recipient(DSLContext tx, UUID userId, NotificationKind kind) {
        Record3<String, String, Boolean> row = tx.select(
                        USERS.EMAIL, USERS.NAME, DSL.coalesce(kind.column(), DSL.inline(wantedByDefault(kind))))
                .from(USERS)
                .leftJoin(NOTIFICATION_PREFERENCES)
                .on(NOTIFICATION_PREFERENCES.USER_ID.eq(USERS.ID))
                .where(USERS.ID.eq(userId))
                .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                .and(USERS.EMAIL_VERIFIED_AT.isNotNull())
                .fetchOne();
        if (row == null || !row.value3()) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(userId, row.value1(), row.value2()));
    }

    /** An address a non-essential mail may go to, and the name to greet. */
    record Recipient(UUID userId, String email, String name) {}

    static boolean wantedByDefault(NotificationKind kind) {
        NotificationPreferencesView defaults = NotificationPreferencesView.DEFAULTS;
        return switch (kind) {
            case LOW_CREDITS -> defaults.lowCredits();
            case RECEIPTS -> defaults.receipts();
            case WEEKLY_DIGEST -> defaults.weeklyDigest();
        };
    }

    private static boolean required(Boolean value, NotificationKind kind) {
        if (value == null) {
            throw DomainException.invalid(
                    "missing_field", kind.field() + " is required: send all three preferences as true or false.");
        }
        return value;
    }

    private static NotificationPreferencesView view(NotificationPreferencesRecord r) {
        return new NotificationPreferencesView(r.getLowCredits(), r.getReceipts(), r.getWeeklyDigest());
    }
}
