package com.pixfino.server.admin;

import com.pixfino.model.api.admin.AdminSettings;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.settings.PlatformSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin's view and change of the {@link PlatformSettings}: every field checked, every save audited. */
public final class AdminSettingsEditor {

    private static final Logger log = LoggerFactory.getLogger(AdminSettingsEditor.class);
    public static final int MAX_REFERRAL_CREDITS = 1000;
    public static final int MAX_MONTHLY_CAP = 10_000;

    private final DSLContext dsl;
    private final PlatformSettings settings;
    private final AuditTrail audit;

    public AdminSettingsEditor(DSLContext dsl, PlatformSettings settings, AuditTrail audit) {
        this.dsl = dsl;
        this.settings = settings;
        this.audit = audit;
    }

    public AdminSettings current() {
        return view(settings.current());
    }

    /**
     * Replaces all five settings and records the change (action {@code settings}, before → after) in one transaction.
     *
     * @throws DomainException INVALID naming the field that is missing or out of range
     */
    public AdminSettings replace(UUID adminId, AdminSettings request) {
        PlatformSettings.Values next = checked(request);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            PlatformSettings.Values before = settings.lock(tx);
            settings.store(tx, next);
            audit.record(
                    tx,
                    new AuditTrail.Action(
                            adminId, "settings", "settings", "platform", fields(before), fields(next), null));
        });
        log.info(
                "event=settings_changed admin={} referrals_enabled={} referral_credits={} monthly_cap={} promo_from={} promo_to={}",
                adminId,
                next.referralsEnabled(),
                next.referralCredits(),
                next.referralMonthlyCap(),
                next.launchPromoFrom(),
                next.launchPromoTo());
        return view(next);
    }

    static PlatformSettings.Values checked(AdminSettings r) {
        if (r.referralsEnabled() == null) {
            throw invalid("referralsEnabled is required: true or false.");
        }
        if (r.referralCredits() == null || r.referralCredits() < 1 || r.referralCredits() > MAX_REFERRAL_CREDITS) {
            throw invalid("referralCredits must be a whole number from 1 to " + MAX_REFERRAL_CREDITS + ".");
        }
        if (r.referralMonthlyCap() == null || r.referralMonthlyCap() < 0 || r.referralMonthlyCap() > MAX_MONTHLY_CAP) {
            throw invalid("referralMonthlyCap must be a whole number from 0 to " + MAX_MONTHLY_CAP + ".");
        }
        if (r.launchPromoFrom() == null && r.launchPromoTo() != null) {
            throw invalid("launchPromoFrom is missing: set both launch promo times, or neither (null) for no promo.");
        }
        if (r.launchPromoFrom() != null && r.launchPromoTo() == null) {
            throw invalid("launchPromoTo is missing: set both launch promo times, or neither (null) for no promo.");
        }
        if (r.launchPromoFrom() != null && !r.launchPromoFrom().isBefore(r.launchPromoTo())) {
            throw invalid("launchPromoTo must be later than launchPromoFrom.");
        }
        return new PlatformSettings.Values(
                r.referralsEnabled(),
                r.referralCredits(),
                r.referralMonthlyCap(),
                r.launchPromoFrom() == null
                        ? null
                        : r.launchPromoFrom().withOffsetSameInstant(java.time.ZoneOffset.UTC),
                r.launchPromoTo() == null ? null : r.launchPromoTo().withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("invalid_field", message);
    }

    private static Map<String, Object> fields(PlatformSettings.Values v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("referralsEnabled", v.referralsEnabled());
        map.put("referralCredits", v.referralCredits());
        map.put("referralMonthlyCap", v.referralMonthlyCap());
        map.put(
                "launchPromoFrom",
                v.launchPromoFrom() == null ? null : v.launchPromoFrom().toString());
        map.put(
                "launchPromoTo",
                v.launchPromoTo() == null ? null : v.launchPromoTo().toString());
        return map;
    }

    private static AdminSettings view(PlatformSettings.Values v) {
        return new AdminSettings(
                v.referralsEnabled(),
                v.referralCredits(),
                v.referralMonthlyCap(),
                v.launchPromoFrom(),
                v.launchPromoTo());
    }
}
