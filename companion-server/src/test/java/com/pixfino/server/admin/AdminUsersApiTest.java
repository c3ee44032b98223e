package com.pixfino.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin users table (search, filters, sorts, signed cursors), suspension and the audit trail. */
class AdminUsersApiTest {

    private static final String PASSWORD = "correct-Horse-7";

    private static TestServer server;
    private static ApiClient admin;
    private static UUID adminId;
    private static DSLContext sql;

    @BeforeAll
    static void start() {
        server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")));
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        adminId = Studio.userId(admin);
        sql = server.app().database().dsl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient register(String email, String name) {
        Answer answer =
                server.client().post(ApiPaths.REGISTER, Map.of("email", email, "password", PASSWORD, "name", name));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return server.client().withToken(answer.as(AuthResponse.class).token());
    }

    private static String email(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class).email();
    }

    private static Answer suspend(ApiClient caller, Object userId, Object body) {
        return caller.post(ApiClient.path(ApiPaths.ADMIN_USER_SUSPEND, userId), body);
    }

    private static Answer unsuspend(ApiClient caller, Object userId) {
        return caller.post(ApiClient.path(ApiPaths.ADMIN_USER_UNSUSPEND, userId), Map.of());
    }

    /** Every row of a listing, page by page through its cursors. */
    private static List<AdminUserView> all(String query, int limit) {
        List<AdminUserView> rows = new ArrayList<>();
        String cursor = null;
        do {
            Answer answer = admin.get(ApiPaths.ADMIN_USERS + "?" + query + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Page<AdminUserView> page = answer.page(AdminUserView.class);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    @Test
    void searchFiltersAndEverySortPageThroughTheWholeTable() {
        String tag = "Zebra" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = new ArrayList<>();
        long presetId = sql.fetchOne("select min(id) from presets").get(0, Long.class);
        for (int i = 0; i < 7; i++) {
            // the tag in the name of the even ones and in the email of the odd ones
            String email = (i % 2 == 1 ? tag.toLowerCase() : "plain") + "-" + UUID.randomUUID() + "@example.com";
            UUID id = Studio.userId(register(email, i % 2 == 0 ? "Ann " + tag + " " + i : "Bob " + i));
            ids.add(id);
            admin.post(
                    ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, id),
                    Map.of("amount", (i * 37) % 50 + 1, "reason", "test credits"));
            sql.execute(
                    "update users set tier = ?, created_at = now() - make_interval(days => ?),"
                            + " last_login_at = now() - make_interval(hours => ?) where id = ?",
                    i % 3 == 0 ? "PRO" : "FREE",
                    i,
                    (i * 5) % 7,
                    id);
            for (int g = 0; g < (i * 3) % 5; g++) {
                sql.execute(
                        "insert into generations (id, user_id, preset_id, status, media_kind, credits_charged,"
                                + " created_at, updated_at) values (?, ?, ?, 'FAILED', 'IMAGE', 1, now(), now())",
                        UUID.randomUUID(),
                        id,
                        presetId);
            }
        }

        List<AdminUserView> found = all("q=" + tag.toUpperCase(), 100);
        assertThat(found).extracting(AdminUserView::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all("q=" + tag + "&tier=pro", 2))
                .extracting(AdminUserView::id)
                .containsExactlyInAnyOrder(ids.get(0), ids.get(3), ids.get(6));
        assertThat(all("q=" + tag + "&status=SUSPENDED", 2)).isEmpty();
        AdminUserView row = found.stream()
                .filter(r -> r.id().equals(ids.get(4)))
                .findFirst()
                .orElseThrow();
        assertThat(row.generations()).isEqualTo(2);
        assertThat(row.credits()).isEqualTo(5 + (4 * 37) % 50 + 1);
        assertThat(row.status()).isEqualTo("ACTIVE");
        assertThat(row.lastLoginAt()).isNotNull();

        Map<String, Comparator<AdminUserView>> sorts = Map.of(
                "joined", Comparator.comparing(AdminUserView::joinedAt),
                "lastLogin", Comparator.comparing(AdminUserView::lastLoginAt),
                "credits", Comparator.comparingInt(AdminUserView::credits),
                "generations", Comparator.comparingLong(AdminUserView::generations));
        sorts.forEach((sort, comparator) -> {
            // PostgreSQL orders uuids by their bytes, as their text sorts (UUID.compareTo compares signed halves)
            Comparator<AdminUserView> ascending = comparator.thenComparing(r -> r.id().toString());
            for (String order : List.of("asc", "desc")) {
                List<AdminUserView> paged = all("q=" + tag + "&sort=" + sort + "&order=" + order, 2);
                List<AdminUserView> expected = new ArrayList<>(found);
                expected.sort(order.equals("asc") ? ascending : ascending.reversed());
                assertThat(paged)
                        .as(sort + " " + order)
                        .extracting(AdminUserView::id)
                        .containsExactlyElementsOf(
                                expected.stream().map(AdminUserView::id).toList());
            }
        });
    }

    @Test
    void badParametersAndEditedCursorsAre400WithASentence() {
        for (int i = 0; i < 3; i++) {
            server.client().registerNew();
        }
        String cursor = admin.get(ApiPaths.ADMIN_USERS + "?sort=credits&limit=1")
                .page(AdminUserView.class)
                .nextCursor();
        assertThat(cursor).isNotNull();
        assertThat(admin.get(ApiPaths.ADMIN_USERS + "?sort=credits&limit=1&cursor=" + cursor)
                        .status())
                .isEqualTo(200);

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("sort=credits&cursor=" + edit(cursor), "invalid_cursor");
        refused.put("sort=joined&cursor=" + cursor, "invalid_cursor");
        refused.put("sort=credits&order=asc&cursor=" + cursor, "invalid_cursor");
        refused.put("sort=credits&q=x&cursor=" + cursor, "invalid_cursor");
        refused.put("cursor=garbage", "invalid_cursor");
        refused.put("limit=0", "invalid_limit");
        refused.put("limit=101", "invalid_limit");
        refused.put("limit=many", "invalid_limit");
        refused.put("sort=email", "invalid_sort");
        refused.put("order=up", "invalid_order");
        refused.put("tier=GOLD", "invalid_tier");
        refused.put("status=gone", "invalid_status");
        refused.forEach((query, code) -> {
            Answer answer = admin.get(ApiPaths.ADMIN_USERS + "?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.errorCode()).as(query).isEqualTo(code);
            assertThat(answer.json().at("/error/message").asText()).as(query).endsWith(".");
        });
        assertThat(admin.get(ApiPaths.ADMIN_USERS + "?limit=100").status()).isEqualTo(200);
    }

    /** The cursor with one character of its position changed, still well formed. */
    private static String edit(String cursor) {
        char[] chars = cursor.toCharArray();
        int at = cursor.indexOf('.') + 2;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    @Test
    void aSuspendedUserCannotSignInAndTheirTokensAndKeysStopAtOnceUntilUnsuspended() {
        String email = "suspended-" + UUID.randomUUID() + "@example.com";
        ApiClient user = register(email, "Soon Suspended");
        UUID id = Studio.userId(server.verifyEmail(user));
        Answer key = user.post(ApiPaths.API_KEYS, Map.of("name", "script", "scopes", List.of("read")));
        assertThat(key.status()).isEqualTo(201);
        ApiClient script = server.client().withToken(key.json().get("key").asText());
        assertThat(user.get(ApiPaths.ME).status()).isEqualTo(200); // the session is now remembered
        assertThat(script.get(ApiPaths.ME).status()).isEqualTo(200);

        Answer suspended = suspend(admin, id, Map.of("reason", "Chargeback fraud"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.as(AdminUserView.class).status()).isEqualTo("SUSPENDED");

        assertThat(user.get(ApiPaths.ME).status()).isEqualTo(401);
        assertThat(script.get(ApiPaths.ME).status()).isEqualTo(401);
        Answer signIn = server.client().post(ApiPaths.LOGIN, Map.of("email", email, "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.errorCode()).isEqualTo("account_suspended");
        assertThat(signIn.json().at("/error/message").asText()).contains("suspended");
        assertThat(all("status=suspended", 100)).extracting(AdminUserView::id).contains(id);

        Answer again = suspend(admin, id, Map.of("reason", "Twice"));
        assertThat(again.status()).isEqualTo(200);
        Answer lifted = unsuspend(admin, id);
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.as(AdminUserView.class).status()).isEqualTo("ACTIVE");

        assertThat(user.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(script.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(server.client().login(email, PASSWORD).get(ApiPaths.ME).status())
                .isEqualTo(200);

        List<AuditEntryView> trail = auditOf(id);
        assertThat(trail).extracting(AuditEntryView::action).containsExactly("user_unsuspended", "user_suspended");
        AuditEntryView suspension = trail.get(1);
        assertThat(suspension.adminId()).isEqualTo(adminId);
        assertThat(suspension.adminEmail()).isEqualTo(TestServer.ADMIN_EMAIL);
        assertThat(suspension.targetType()).isEqualTo("user");
        assertThat(suspension.before()).isEqualTo(Map.of("status", "ACTIVE"));
        assertThat(suspension.after()).isEqualTo(Map.of("status", "SUSPENDED"));
        assertThat(suspension.reason()).isEqualTo("Chargeback fraud");
        assertThat(suspension.at()).isNotNull();
    }

    @Test
    void suspendingAUserClosesTheirOpenEventStreamAtOnce() throws IOException {
        ApiClient user = register("streaming-" + UUID.randomUUID() + "@example.com", "Still Listening");
        UUID id = Studio.userId(user);
        try (EventsStream stream = EventsStream.open(user)) {
            assertThat(stream.response().code()).isEqualTo(200);
            assertThat(stream.readLine()).contains("connected");

            assertThat(suspend(admin, id, Map.of("reason", "Abuse")).status()).isEqualTo(200);

            // the server ends the stream: its end comes within 10 s (a stream left open would send a keep-alive
            // comment within 15 s and go on)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String line = stream.readLine();
            while (line != null && System.nanoTime() < deadline) {
                assertThat(line).doesNotStartWith("data:");
                line = stream.readLine();
            }
            assertThat(line).as("the stream has ended").isNull();
        }
        try (EventsStream refused = EventsStream.open(user)) {
            assertThat(refused.response().code()).isEqualTo(401);
        }
        assertThat(unsuspend(admin, id).status()).isEqualTo(200);
    }

    @Test
    void aSuspendedUsersRunningGenerationFinishes() {
        Studio studio = new Studio(server);
        ApiClient user = studio.userWithCredits(4);
        UUID id = Studio.userId(user);
        String generation = Studio.generate(user, studio.presetId("linkedin-headshot"), "slow portrait");
        Studio.awaitStatus(user, generation, GenerationStatus.RUNNING, Duration.ofSeconds(20));

        assertThat(suspend(admin, id, Map.of("reason", "Mid-job")).status()).isEqualTo(200);

        await("the generation to complete")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> sql.fetchOne("select status from generations where id = ?::uuid", generation)
                                .get(0, String.class),
                        "COMPLETED"::equals);
        assertThat(admin.send(
                                "POST",
                                ApiClient.path(ApiPaths.ADMIN_USER_UNSUSPEND, id),
                                ApiClient.body(new byte[0], null),
                                Map.of())
                        .status())
                .as("no body at all")
                .isEqualTo(200);
        assertThat(Studio.generation(user, generation).status()).isEqualTo(GenerationStatus.COMPLETED);
    }

    @Test
    void suspensionNeedsAReasonAnotherAdminAndAUser() {
        UUID id = Studio.userId(server.client().registerNew());
        Function<Object, Answer> suspendWith = body -> suspend(admin, id, body);

        assertThat(suspendWith.apply(Map.of()).errorCode()).isEqualTo("invalid_reason");
        assertThat(suspendWith.apply(Map.of("reason", "  ")).errorCode()).isEqualTo("invalid_reason");
        assertThat(suspendWith.apply(Map.of("reason", "x".repeat(501))).errorCode())
                .isEqualTo("invalid_reason");
        assertThat(suspendWith.apply(Map.of("reason", "ok", "until", "never")).errorCode())
                .isEqualTo("unknown_field");
        Answer self = suspend(admin, adminId, Map.of("reason", "Oops"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.errorCode()).isEqualTo("cannot_suspend_self");
        assertThat(self.json().at("/error/message").asText()).contains("your own account");
        assertThat(suspend(admin, UUID.randomUUID(), Map.of("reason", "Nobody")).status())
                .isEqualTo(404);
        assertThat(unsuspend(admin, UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(sql.fetchOne("select status from users where id = ?", id).get(0, String.class))
                .isEqualTo("ACTIVE");
        assertThat(auditOf(id)).isEmpty();
        assertThat(admin.get(ApiPaths.ME).status()).isEqualTo(200);
    }

    @Test
    void creditAdjustmentsAreAuditedWithTheBalanceBeforeAndAfter() {
        UUID id = Studio.userId(server.client().registerNew());
        Answer added = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, id), Map.of("amount", 20, "reason", "Outage goodwill"));
        assertThat(added.status()).isEqualTo(201);
        Answer refused = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, id), Map.of("amount", -26, "reason", "Too much"));
        assertThat(refused.status()).isEqualTo(409);

        assertThat(auditOf(id)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("credits_adjusted");
            assertThat(entry.before()).isEqualTo(Map.of("credits", 5));
            assertThat(entry.after()).isEqualTo(Map.of("credits", 25));
            assertThat(entry.reason()).isEqualTo("Outage goodwill");
        });
    }

    @Test
    void theAuditTrailPagesNewestFirstWithSignedCursors() {
        UUID id = Studio.userId(server.client().registerNew());
        for (int i = 1; i <= 3; i++) {
            admin.post(ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, id), Map.of("amount", i, "reason", "step " + i));
        }
        Answer first = admin.get(ApiPaths.ADMIN_AUDIT + "?limit=1");
        assertThat(first.status()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("reason").asText()).isEqualTo("step 3");
        String cursor = page.get("nextCursor").asText();
        Page<AuditEntryView> second =
                admin.get(ApiPaths.ADMIN_AUDIT + "?limit=2&cursor=" + cursor).page(AuditEntryView.class);
        assertThat(second.items()).extracting(AuditEntryView::reason).containsExactly("step 2", "step 1");

        assertThat(admin.get(ApiPaths.ADMIN_AUDIT + "?cursor=" + edit(cursor)).errorCode())
                .isEqualTo("invalid_cursor");
        String usersCursor = admin.get(ApiPaths.ADMIN_USERS + "?limit=1")
                .page(AdminUserView.class)
                .nextCursor();
        assertThat(admin.get(ApiPaths.ADMIN_AUDIT + "?cursor=" + usersCursor).errorCode())
                .isEqualTo("invalid_cursor");
        assertThat(admin.get(ApiPaths.ADMIN_AUDIT + "?limit=101").errorCode()).isEqualTo("invalid_limit");
    }

    /** The audit rows about one user, newest first. */
    private static List<AuditEntryView> auditOf(UUID userId) {
        List<AuditEntryView> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntryView> page = admin.get(
                            ApiPaths.ADMIN_AUDIT + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .page(AuditEntryView.class);
            page.items().stream()
                    .filter(entry -> entry.targetId().equals(userId.toString()))
                    .forEach(rows::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }
}
