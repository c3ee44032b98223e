package com.pixfino.studio.testsupport;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.admin.PlatformFigures;
import com.pixfino.studio.core.admin.ReferralFigures;
import com.pixfino.studio.core.admin.UsersQuery;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The admin API with fixed answers and a record of what was asked, for the admin view models' tests. */
public final class FakeAdminApi implements AdminApi {

    public AdminStats stats = stats(12, 3);
    /** The referral figures read with the stats; null as from a server that predates them. */
    public ReferralFigures referrals;

    public int statsCalls;
    public IOException failure;
    public final List<UsersQuery> userQueries = new ArrayList<>();
    public final List<String> userCursors = new ArrayList<>();
    /** Pages answered in turn by {@link #users}; the last one repeats. */
    public final List<Page<AdminUserView>> userPages = new ArrayList<>();

    public final List<String> adjustments = new ArrayList<>();
    public final List<String> suspensions = new ArrayList<>();
    /** What suspend and unsuspend answer. */
    public AdminUserView suspendAnswer;

    public final List<Page<AuditEntryView>> auditPages = new ArrayList<>();
    public final List<String> auditCursors = new ArrayList<>();

    public static AdminStats stats(long users, long newThisWeek) {
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        tiers.put(Tier.FREE, users - 4);
        tiers.put(Tier.STARTER, 2L);
        tiers.put(Tier.PRO, 1L);
        tiers.put(Tier.BUSINESS, 1L);
        Map<GenerationStatus, Long> statuses = new EnumMap<>(GenerationStatus.class);
        for (GenerationStatus status : GenerationStatus.values()) {
            statuses.put(status, (long) status.ordinal() + 1);
        }
        Map<Tier, Long> plans = new EnumMap<>(Tier.class);
        plans.put(Tier.FREE, 0L);
        plans.put(Tier.STARTER, 2L);
        plans.put(Tier.PRO, 1L);
        plans.put(Tier.BUSINESS, 0L);
        return new AdminStats(
                new AdminStats.Users(users, newThisWeek, 6, 1, tiers),
                new AdminStats.Generations(2, 9, 15, statuses),
                new AdminStats.Subscriptions(3, plans),
                new AdminStats.Credits(500, 200, 120, 20, -4, 6, 590));
    }

    public static AdminDailyStats days(int days) {
        List<AdminDailyStats.Day> list = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 11, 28);
        for (int i = days - 1; i >= 0; i--) {
            list.add(new AdminDailyStats.Day(today.minusDays(i).toString(), i, i % 3, i % 2, "0.2700", "0.0100"));
        }
        return new AdminDailyStats(list);
    }

    public static AdminUserView user(String name, Tier tier, int credits, AccountStatus status) {
        return new AdminUserView(
                UUID.randomUUID(),
                name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com",
                name,
                Role.USER,
                tier,
                credits,
                3,
                status.name(),
                OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                null);
    }

    @Override
    public AdminStats stats() throws IOException {
        statsCalls++;
        if (failure != null) {
            throw failure;
        }
        return stats;
    }

    @Override
    public PlatformFigures figures() throws IOException {
        return new PlatformFigures(stats(), Optional.ofNullable(referrals));
    }

    @Override
    public AdminDailyStats daily(int days) throws IOException {
        if (failure != null) {
            throw failure;
        }
        return days(days);
    }

    @Override
    public Page<AdminUserView> users(UsersQuery query, String cursor, int limit) throws IOException {
        userQueries.add(query);
        userCursors.add(cursor);
        if (failure != null) {
            throw failure;
        }
        return userPages.size() > 1
                ? userPages.remove(0)
                : userPages.isEmpty() ? new Page<>(List.of(), null) : userPages.get(0);
    }

    @Override
    public LedgerEntryView adjustCredits(UUID user, int amount, String reason) throws IOException {
        adjustments.add(user + " " + amount + " " + reason);
        if (failure != null) {
            throw failure;
        }
        return new LedgerEntryView(1, LedgerKind.ADJUSTMENT, amount, 100 + amount, reason, null, OffsetDateTime.now());
    }

    @Override
    public AdminUserView suspend(UUID user, String reason) throws IOException {
        suspensions.add("suspend " + user + " " + reason);
        if (failure != null) {
            throw failure;
        }
        return suspendAnswer;
    }

    @Override
    public AdminUserView unsuspend(UUID user, String reason) throws IOException {
        suspensions.add("unsuspend " + user + " " + reason);
        if (failure != null) {
            throw failure;
        }
        return suspendAnswer;
    }

    @Override
    public Page<AuditEntryView> audit(String cursor, int limit) throws IOException {
        auditCursors.add(cursor);
        if (failure != null) {
            throw failure;
        }
        return auditPages.size() > 1
                ? auditPages.remove(0)
                : auditPages.isEmpty() ? new Page<>(List.of(), null) : auditPages.get(0);
    }

    /** A refusal as the server words it. */
    public static CompanionApiException refused(int status, String code, String message) {
        return new CompanionApiException(status, code, message, null);
    }
}
