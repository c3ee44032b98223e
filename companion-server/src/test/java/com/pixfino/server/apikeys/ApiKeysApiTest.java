package com.pixfino.server.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.apikeys.ApiKeyList;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** API keys over HTTP: shown once, stored hashed, scoped, refused at once when revoked, never logged. */
class ApiKeysApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    /**
     * Who may call each operation of the API document with a key: "any" (public), "read", "generate" or "none"
     * (session only). The test fails when the document has an operation this table does not know, so a new route
     * must be placed here.
     */
    private static final Map<String, String> KEY_SCOPE = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /health", "any"),
            Map.entry("GET /metrics", "any"),
            Map.entry("POST /api/v1/auth/register", "any"),
            Map.entry("POST /api/v1/auth/login", "any"),
            Map.entry("POST /api/v1/auth/logout", "none"),
            Map.entry("GET /api/v1/me", "read"),
            Map.entry("DELETE /api/v1/me", "none"),
            Map.entry("GET /api/v1/me/export", "none"),
            Map.entry("POST /api/v1/auth/verify-email/resend", "none"),
            Map.entry("POST /api/v1/auth/password-reset", "any"),
            Map.entry("POST /api/v1/auth/password-reset/confirm", "any"),
            Map.entry("POST /api/v1/auth/password", "none"),
            Map.entry("GET /verify-email", "any"),
            Map.entry("GET /reset-password", "any"),
            Map.entry("POST /reset-password", "any"),
            Map.entry("GET /api/v1/me/notifications", "none"),
            Map.entry("PUT /api/v1/me/notifications", "none"),
            Map.entry("GET /unsubscribe", "any"),
            Map.entry("POST /unsubscribe", "any"),
            Map.entry("POST /api/v1/auth/email", "none"),
            Map.entry("GET /api/v1/me/referrals", "none"),
            Map.entry("GET /join", "any"),
            Map.entry("POST /api/v1/credits/redeem", "none"),
            Map.entry("GET /api/v1/admin/settings", "none"),
            Map.entry("PUT /api/v1/admin/settings", "none"),
            Map.entry("GET /api/v1/admin/promo-codes", "none"),
            Map.entry("POST /api/v1/admin/promo-codes", "none"),
            Map.entry("POST /api/v1/admin/promo-codes/{code}/expire", "none"),
            Map.entry("GET /api/v1/presets", "any"),
            Map.entry("GET /api/v1/presets/{id}/thumbnail", "any"),
            Map.entry("POST /api/v1/uploads", "generate"),
            Map.entry("GET /api/v1/uploads/{id}", "read"),
            Map.entry("GET /api/v1/uploads/{id}/thumbnail", "read"),
            Map.entry("GET /api/v1/credits/ledger", "read"),
            Map.entry("POST /api/v1/generations", "generate"),
            Map.entry("GET /api/v1/generations", "read"),
            Map.entry("GET /api/v1/generations/{id}", "read"),
            Map.entry("DELETE /api/v1/generations/{id}", "generate"),
            Map.entry("PATCH /api/v1/generations/{id}", "generate"),
            Map.entry("GET /api/v1/library/changes", "read"),
            Map.entry("POST /api/v1/collections", "generate"),
            Map.entry("PATCH /api/v1/collections/{id}", "generate"),
            Map.entry("DELETE /api/v1/collections/{id}", "generate"),
            Map.entry("POST /api/v1/collections/{id}/items", "generate"),
            Map.entry("POST /api/v1/styles", "generate"),
            Map.entry("GET /api/v1/styles", "read"),
            Map.entry("GET /api/v1/styles/{id}", "read"),
            Map.entry("PATCH /api/v1/styles/{id}", "generate"),
            Map.entry("DELETE /api/v1/styles/{id}", "generate"),
            Map.entry("GET /api/v1/prompts", "read"),
            Map.entry("POST /api/v1/generations/{id}/cancel", "generate"),
            Map.entry("GET /api/v1/generations/{id}/output", "read"),
            Map.entry("GET /api/v1/generations/{id}/thumbnail", "read"),
            Map.entry("GET /api/v1/events", "read"),
            Map.entry("POST /api/v1/providers/{name}/webhook", "any"),
            Map.entry("GET /api/v1/billing/catalog", "none"),
            Map.entry("POST /api/v1/billing/checkout", "none"),
            Map.entry("POST /api/v1/billing/portal", "none"),
            Map.entry("GET /api/v1/billing/invoices", "none"),
            Map.entry("POST /api/v1/billing/webhook", "any"),
            Map.entry("GET /billing/success", "any"),
            Map.entry("GET /billing/cancel", "any"),
            Map.entry("GET /api/v1/admin/users", "none"),
            Map.entry("POST /api/v1/admin/users/{id}/credits", "none"),
            Map.entry("POST /api/v1/admin/users/{id}/suspend", "none"),
            Map.entry("POST /api/v1/admin/users/{id}/unsuspend", "none"),
            Map.entry("GET /api/v1/admin/stats", "none"),
            Map.entry("GET /api/v1/admin/stats/daily", "none"),
            Map.entry("GET /api/v1/admin/audit", "none"),
            Map.entry("GET /api/v1/admin/presets", "none"),
            Map.entry("POST /api/v1/admin/presets", "none"),
            Map.entry("PUT /api/v1/admin/presets/{id}", "none"),
            Map.entry("PATCH /api/v1/admin/presets/{id}", "none"),
            Map.entry("PUT /api/v1/admin/presets/{id}/thumbnail", "none"),
            Map.entry("GET /api/v1/admin/moderation/words", "none"),
            Map.entry("PUT /api/v1/admin/moderation/words", "none"),
            Map.entry("GET /api/v1/admin/moderation/flags", "none"),
            Map.entry("POST /api/v1/admin/moderation/flags/{id}/resolve", "none"),
            Map.entry("POST /api/v1/generations/{id}/report", "generate"),
            Map.entry("POST /api/v1/api-keys", "none"),
            Map.entry("GET /api/v1/api-keys", "none"),
            Map.entry("DELETE /api/v1/api-keys/{id}", "none"),
            Map.entry("POST /api/v1/webhooks", "none"),
            Map.entry("GET /api/v1/webhooks", "none"),
            Map.entry("DELETE /api/v1/webhooks/{id}", "none"),
            Map.entry("POST /api/v1/webhooks/{id}/test", "none"),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", "none")));

    private static CreatedApiKey create(ApiClient session, String name, String... scopes) {
        Answer answer = session.post(ApiPaths.API_KEYS, Map.of("name", name, "scopes", List.of(scopes)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CreatedApiKey.class);
    }

    @Test
    void aKeyIsShownOnceListedByItsPrefixAndRevokedAtOnce() {
        ApiClient session = SERVER.server().verifiedUser();
        CreatedApiKey created = create(session, "nightly batch", "generate", "read");

        assertThat(created.key()).startsWith("pxf_").hasSize(47);
        assertThat(created.prefix()).isEqualTo(created.key().substring(4, 12));
        assertThat(created.scopes()).containsExactly(ApiKeyScope.READ, ApiKeyScope.GENERATE);
        assertThat(created.name()).isEqualTo("nightly batch");

        ApiClient script = SERVER.client().withToken(created.key());
        Answer me = script.get(ApiPaths.ME);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.as(UserView.class).id())
                .isEqualTo(session.get(ApiPaths.ME).as(UserView.class).id());

        Answer list = session.get(ApiPaths.API_KEYS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(created.key()).doesNotContain("\"key\"");
        ApiKeyView listed = list.as(ApiKeyList.class).items().get(0);
        assertThat(listed.id()).isEqualTo(created.id());
        assertThat(listed.prefix()).isEqualTo(created.prefix());
        assertThat(listed.lastUsedAt()).as("used just now").isNotNull();
        assertThat(SERVER.server()
                        .app()
                        .database()
                        .dsl()
                        .fetchValue("select key_hash from api_keys where id = ?", created.id()))
                .as("stored as its SHA-256, not as itself")
                .isEqualTo(ApiKeyService.hash(created.key()));

        assertThat(session.delete(ApiClient.path(ApiPaths.API_KEY, created.id()))
                        .status())
                .isEqualTo(204);
        Answer revoked = script.get(ApiPaths.ME);
        assertThat(revoked.status()).as("refused at once").isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("unauthorized");
        assertThat(script.get(ApiPaths.PRESETS).status())
                .as("a revoked key is a 401 on public routes too")
                .isEqualTo(401);
        assertThat(session.get(ApiPaths.API_KEYS).as(ApiKeyList.class).items()).isEmpty();
        assertThat(session.delete(ApiClient.path(ApiPaths.API_KEY, created.id()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void unknownAndMalformedKeysAre401EverywhereAndBadRequestsAre400() {
        ApiClient session = SERVER.server().verifiedUser();
        for (String bad : List.of("pxf_", "pxf_short", "pxf_" + "A".repeat(43), "pxf_" + "A".repeat(42) + "!")) {
            ApiClient script = SERVER.client().withToken(bad);
            assertThat(script.get(ApiPaths.ME).status()).isEqualTo(401);
            assertThat(script.get(ApiPaths.HEALTH).status()).isEqualTo(401);
        }
        assertThat(session.post(ApiPaths.API_KEYS, Map.of("name", "x", "scopes", List.of("admin")))
                        .status())
                .isEqualTo(400);
        assertThat(session.post(ApiPaths.API_KEYS, Map.of("name", "x", "scopes", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(session.post(ApiPaths.API_KEYS, Map.of("scopes", List.of("read")))
                        .status())
                .isEqualTo(400);
        assertThat(session.postRaw(ApiPaths.API_KEYS, "{\"name\":\"x\",\"scopes\":[\"read\"],\"extra\":1}")
                        .status())
                .isEqualTo(400);
        Answer anonymous = SERVER.client().post(ApiPaths.API_KEYS, Map.of("name", "x", "scopes", List.of("read")));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void scopesAreSpelledOneWayInAnswersRefusalsAndTheApiDocumentAndReadInAnyCase() {
        ApiClient session = SERVER.server().verifiedUser();
        Answer created = session.post(ApiPaths.API_KEYS, Map.of("name", "caps", "scopes", List.of("READ", "Generate")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("scopes").toString()).isEqualTo("[\"read\",\"generate\"]");
        Answer refused = session.post(ApiPaths.API_KEYS, Map.of("name", "x", "scopes", List.of("admin")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("message").asText())
                .isEqualTo("scopes[0] must be one of read, generate.");
        List<String> enums = new ArrayList<>();
        collectScopeEnums(SERVER.client().get("/openapi.json").json(), enums);
        assertThat(enums).isNotEmpty().allMatch("[\"read\",\"generate\"]"::equals);
    }

    private static void collectScopeEnums(JsonNode node, List<String> found) {
        if (node.path("enum").isArray()
                && node.path("enum")
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("\"generate\"")) {
            found.add(node.path("enum").toString());
        }
        node.forEach(child -> collectScopeEnums(child, found));
    }

    /** Every operation of the API document × a read key, a generate key (an admin's) and a session token. */
    @Test
    void scopeMatrixOverEveryRouteOfTheApiDocument() {
        ApiClient admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        ApiClient read =
                SERVER.client().withToken(create(admin, "reader", "read").key());
        ApiClient generate =
                SERVER.client().withToken(create(admin, "generator", "generate").key());
        CreatedApiKey doomed = create(admin, "doomed", "generate");
        admin.delete(ApiClient.path(ApiPaths.API_KEY, doomed.id()));
        ApiClient revoked = SERVER.client().withToken(doomed.key());

        JsonNode document = SERVER.client().get(ApiPaths.OPENAPI).json();
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> operations.add(m.toUpperCase() + " " + path.getKey()));
        }
        assertThat(KEY_SCOPE.keySet())
                .as("every route of the document is in the matrix")
                .containsAll(operations);
        // routes outside the document (the event stream, metrics, Stripe's landing pages) are called as well
        List<String> wrong = new ArrayList<>();

        for (String operation : KEY_SCOPE.keySet()) {
            String scope = KEY_SCOPE.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation
                    .substring(operation.indexOf(' ') + 1)
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            if (path.contains("/providers/")) {
                path = path.replaceAll("/providers/[^/]+/", "/providers/replicate/");
            }
            int byRead = call(read, method, path).status();
            int byGenerate = call(generate, method, path).status();
            ApiClient session = operation.equals("POST /api/v1/auth/logout")
                    ? SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
                    : admin;
            int bySession = call(session, method, path).status();
            int byRevoked = call(revoked, method, path).status();
            boolean readAllowed = scope.equals("any") || scope.equals("read");
            boolean generateAllowed = !scope.equals("none");
            check(wrong, operation, "read key", byRead, readAllowed);
            check(wrong, operation, "generate key", byGenerate, generateAllowed);
            check(wrong, operation, "session", bySession, true);
            if (byRevoked != 401) {
                wrong.add(operation + " revoked key: " + byRevoked);
            }
            JsonNode doc = document.path("paths")
                    .path(operation.substring(operation.indexOf(' ') + 1))
                    .path(method.toLowerCase());
            if (doc.isMissingNode()) {
                continue;
            }
            if (!doc.path("x-api-key-scope").asText().equals(scope)) {
                wrong.add(operation + " document says "
                        + doc.path("x-api-key-scope").asText());
            }
            if (!scope.equals("any")) {
                String security = doc.path("security").toString();
                if (!security.contains("sessionToken") || security.contains("apiKey") == scope.equals("none")) {
                    wrong.add(operation + " security " + security);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String operation, String who, int status, boolean allowed) {
        // a sign-in with an empty body is the route's own 401 (wrong email or password), not a refused credential
        boolean refusedCredential = status == 403 || (status == 401 && !operation.endsWith("/auth/login"));
        if (allowed ? refusedCredential : status != 403) {
            wrong.add(operation + " " + who + ": " + status);
        }
    }

    private static Answer call(ApiClient client, String method, String path) {
        RequestBody body = method.equals("GET") ? null : RequestBody.create("{}", MediaType.get("application/json"));
        return client.send(method, path, body, Map.of("Authorization", "Bearer " + client.token()));
    }

    @Test
    void aKeyNeverReachesTheLog() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        CreatedApiKey created;
        try {
            ApiClient session = SERVER.server().verifiedUser();
            created = create(session, "logged?", "generate");
            ApiClient script = SERVER.client().withToken(created.key());
            script.get(ApiPaths.ME);
            script.post(ApiPaths.GENERATIONS, Map.of("presetId", 1));
            script.get(ApiPaths.API_KEYS);
            session.delete(ApiClient.path(ApiPaths.API_KEY, created.id()));
            script.get(ApiPaths.ME);
            SERVER.client().withToken(created.key() + "x").get(ApiPaths.ME);
        } finally {
            root.detachAppender(log);
        }
        String secretPart = created.key().substring(4);
        assertThat(log.list).isNotEmpty();
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("event=api_key_created"))
                .noneMatch(m -> m.contains(secretPart) || m.contains(ApiKeyService.hash(created.key())));
    }
}
