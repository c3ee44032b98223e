package com.pixfino.studio.core.admin;

import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.AuditEntryView;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * What the admin mode's dashboard, users and audit screens ask of the server ({@code /api/v1/admin/…}). Every call
 * blocks: run it through the TaskExecutor. A refusal is a {@code CompanionApiException} with the server's sentence.
 */
public interface AdminApi {

    /** The platform's figures now, aggregated by the server. */
    AdminStats stats() throws IOException;

    /**
     * {@link #stats()} with the referral program's figures (issue 16), read in one request; a server that predates
     * them leaves them empty.
     */
    default PlatformFigures figures() throws IOException {
        return new PlatformFigures(stats(), Optional.empty());
    }

    /** One entry per UTC day for the last {@code days} days (1–365), oldest first. */
    AdminDailyStats daily(int days) throws IOException;

    /** A page of accounts matching {@code query}; {@code cursor} null for the first page. */
    Page<AdminUserView> users(UsersQuery query, String cursor, int limit) throws IOException;

    /** Adds {@code amount} (signed) to the account's balance, for {@code reason}; answers the ledger row. */
    LedgerEntryView adjustCredits(UUID user, int amount, String reason) throws IOException;

    AdminUserView suspend(UUID user, String reason) throws IOException;

    AdminUserView unsuspend(UUID user, String reason) throws IOException;

    /** A page of the audit trail, newest first. */
    Page<AuditEntryView> audit(String cursor, int limit) throws IOException;
}
