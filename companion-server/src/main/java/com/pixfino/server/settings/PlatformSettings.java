package com.pixfino.server.settings;

import static com.pixfino.server.db.jooq.Tables.PLATFORM_SETTINGS;

import com.pixfino.server.db.jooq.tables.records.PlatformSettingsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The settings an admin changes while the server runs (the one {@code platform_settings} row): referral rewards and
 * the launch promo. Read inside the transaction that acts on them, so a change applies from its commit on.
 */
public final class PlatformSettings {

    private final DSLContext dsl;
    private final Clock clock;

    public PlatformSettings(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The values, as one immutable snapshot. */
    public record Values(
            boolean referralsEnabled,
            int referralCredits,
            int referralMonthlyCap,
            OffsetDateTime launchPromoFrom,
            OffsetDateTime launchPromoTo) {

        /** Whether an account created at {@code at} is inside the launch promo window {@code [from, to)}. */
        public boolean launchPromoCovers(Instant at) {
            return launchPromoFrom != null
                    && launchPromoTo != null
                    && !at.isBefore(launchPromoFrom.toInstant())
                    && at.isBefore(launchPromoTo.toInstant());
        }
    }

    public Values current() {
        return current(dsl);
    }

    /** The values as the caller's transaction sees them. */
    public Values current(DSLContext tx) {
        return values(tx.selectFrom(PLATFORM_SETTINGS)
                .where(PLATFORM_SETTINGS.ID.eq((short) 1))
                .fetchSingle());
    }

    /** Locks the row for the caller's transaction (two admins saving at once apply one after the other). */
    public Values lock(DSLContext tx) {
        return values(tx.selectFrom(PLATFORM_SETTINGS)
                .where(PLATFORM_SETTINGS.ID.eq((short) 1))
                .forUpdate()
                .fetchSingle());
    }

    /** Stores checked values inside the caller's transaction. */
    public void store(DSLContext tx, Values values) {
        tx.update(PLATFORM_SETTINGS)
                .set(PLATFORM_SETTINGS.REFERRALS_ENABLED, values.referralsEnabled())
                .set(PLATFORM_SETTINGS.REFERRAL_CREDITS, values.referralCredits())
                .set(PLATFORM_SETTINGS.REFERRAL_MONTHLY_CAP, values.referralMonthlyCap())
                .set(PLATFORM_SETTINGS.LAUNCH_PROMO_FROM, values.launchPromoFrom())
                .set(PLATFORM_SETTINGS.LAUNCH_PROMO_TO, values.launchPromoTo())
                .set(PLATFORM_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PLATFORM_SETTINGS.ID.eq((short) 1))
                .execute();
    }

    private static Values values(PlatformSettingsRecord row) {
        return new Values(
                row.getReferralsEnabled(),
                row.getReferralCredits(),
                row.getReferralMonthlyCap(),
                utc(row.getLaunchPromoFrom()),
                utc(row.getLaunchPromoTo()));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
