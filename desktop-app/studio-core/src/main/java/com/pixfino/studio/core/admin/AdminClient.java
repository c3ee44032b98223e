package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.CreditAdjustmentRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.model.api.admin.SuspendRequest;
import com.pixfino.studio.core.net.ApiRequests;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClient;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.CompanionJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link AdminApi} over HTTP, on the signed-in client's connection pool and token. */
public final class AdminClient implements AdminApi {

    private static final ObjectMapper JSON = CompanionJson.mapper();

    private final ApiRequests calls;

    public AdminClient(ApiRequests calls) {
        this.calls = calls;
    }

    /** The {@link AdminAccess} of the studio: the admin API of the session's own client. */
    public static AdminApi of(CompanionApi signedIn) {
        if (signedIn instanceof CompanionClient client) {
            return new AdminClient(client.requests());
        }
        throw new IllegalArgumentException("not an HTTP client of the companion server");
    }

    @Override
    public AdminStats stats() throws IOException {
        return calls.get(ApiPaths.ADMIN_STATS, Map.of(), new TypeReference<AdminStats>() {});
    }

    @Override
    public PlatformFigures figures() throws IOException {
        JsonNode answer = calls.get(ApiPaths.ADMIN_STATS, Map.of(), new TypeReference<JsonNode>() {});
        JsonNode referrals = answer.path("referrals");
        try {
            return new PlatformFigures(
                    JSON.treeToValue(answer, AdminStats.class),
                    referrals.isObject()
                            ? Optional.of(JSON.treeToValue(referrals, ReferralFigures.class))
                            : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new CompanionHttpException(200, "The server's figures could not be read: " + e.getOriginalMessage());
        }
    }

    @Override
    public AdminDailyStats daily(int days) throws IOException {
        return calls.get(
                ApiPaths.ADMIN_STATS_DAILY,
                Map.of("days", Integer.toString(days)),
                new TypeReference<AdminDailyStats>() {});
    }

    @Override
    public Page<AdminUserView> users(UsersQuery query, String cursor, int limit) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", query.search().isEmpty() ? null : query.search());
        params.put("tier", query.tier() == null ? null : query.tier().name());
        params.put("status", query.status() == null ? null : query.status().name());
        params.put("sort", query.sort().wireName());
        params.put("order", query.descending() ? "desc" : "asc");
        params.put("cursor", cursor);
        params.put("limit", Integer.toString(limit));
        return calls.get(ApiPaths.ADMIN_USERS, params, new TypeReference<Page<AdminUserView>>() {});
    }

    @Override
    public LedgerEntryView adjustCredits(UUID user, int amount, String reason) throws IOException {
        return calls.send(
                "POST",
                withId(ApiPaths.ADMIN_USER_CREDITS, user),
                new CreditAdjustmentRequest(amount, reason),
                LedgerEntryView.class);
    }

    @Override
    public AdminUserView suspend(UUID user, String reason) throws IOException {
        return calls.send(
                "POST", withId(ApiPaths.ADMIN_USER_SUSPEND, user), new SuspendRequest(reason), AdminUserView.class);
    }

    @Override
    public AdminUserView unsuspend(UUID user, String reason) throws IOException {
        return calls.send(
                "POST", withId(ApiPaths.ADMIN_USER_UNSUSPEND, user), new SuspendRequest(reason), AdminUserView.class);
    }

    @Override
    public Page<AuditEntryView> audit(String cursor, int limit) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cursor", cursor);
        params.put("limit", Integer.toString(limit));
        return calls.get(ApiPaths.ADMIN_AUDIT, params, new TypeReference<Page<AuditEntryView>>() {});
    }

    private static String withId(String apiPath, UUID id) {
        return apiPath.replace("{id}", id.toString());
    }
}
