package com.pixfino.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private static TestServer server;
    private static ApiClient admin;
    private static CreditLedger ledger;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        ledger = server.services().ledger();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static UUID idOf(ApiClient user) {
        return UUID.fromString(user.get("/api/v1/me").json().get("id").asText());
    }

    @Test
    void newAccountHasFiveCreditsAsOneGrantRowAndBalanceEqualsLedgerSum() {
        ApiClient user = server.client().registerNew();
        UUID id = idOf(user);

        Answer ledgerPage = user.get("/api/v1/credits/ledger");
        assertThat(ledgerPage.status()).isEqualTo(200);
        assertThat(ledgerPage.json().get("items")).hasSize(1);
        var grant = ledgerPage.json().get("items").get(0);
        assertThat(grant.get("kind").asText()).isEqualTo("GRANT");
        assertThat(grant.get("amount").asInt()).isEqualTo(5);
        assertThat(ledger.balance(id)).isEqualTo(5).isEqualTo(ledger.ledgerSum(id));
    }

    @Test
    void adminAdjustmentAddsALedgerRowAndMovesTheBalance() {
        ApiClient user = server.client().registerNew();
        UUID id = idOf(user);

        Answer added = admin.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", 40, "reason", "Goodwill after outage"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(added.json().get("balanceAfter").asInt()).isEqualTo(45);

        Answer removed = admin.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", -15, "reason", "Correction"));
        assertThat(removed.status()).isEqualTo(201);

        assertThat(user.get("/api/v1/me").json().get("credits").asInt()).isEqualTo(30);
        var items = user.get("/api/v1/credits/ledger").json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("amount").asInt()).isEqualTo(-15);
        assertThat(items.get(0).get("reason").asText()).isEqualTo("Correction");
        assertThat(ledger.ledgerSum(id)).isEqualTo(30).isEqualTo(ledger.balance(id));
    }

    @Test
    void adjustmentBelowZeroIsRefusedAndChangesNothing() {
        ApiClient user = server.client().registerNew();
        UUID id = idOf(user);

        Answer answer = admin.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", -6, "reason", "Too much"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo("balance_would_be_negative");
        assertThat(ledger.balance(id)).isEqualTo(5).isEqualTo(ledger.ledgerSum(id));
    }

    @Test
    void adjustmentValidatesAmountReasonAndUser() {
        UUID id = idOf(server.client().registerNew());
        assertThat(admin.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", 0, "reason", "x")).errorCode()).isEqualTo("invalid_amount");
        assertThat(admin.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", 5)).errorCode()).isEqualTo("invalid_reason");
        assertThat(admin.postRaw("/api/v1/admin/users/" + id + "/credits", "{\"amount\": \"many\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/users/" + UUID.randomUUID() + "/credits", Map.of("amount", 5, "reason", "x")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/admin/users/not-a-uuid/credits", Map.of("amount", 5, "reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void adminListsUsersWithSearchAndPaging() {
        ApiClient user = server.client().registerNew();
        String email = user.get("/api/v1/me").json().get("email").asText();

        Answer found = admin.get("/api/v1/admin/users?q=" + email.substring(0, 20));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().get("items").get(0).get("email").asText()).isEqualTo(email);
        assertThat(found.json().get("items").get(0).get("credits").asInt()).isEqualTo(5);

        server.client().registerNew();
        Answer firstPage = admin.get("/api/v1/admin/users?limit=1");
        assertThat(firstPage.json().get("items")).hasSize(1);
        String cursor = firstPage.json().get("nextCursor").asText();
        Answer secondPage = admin.get("/api/v1/admin/users?limit=1&cursor=" + cursor);
        assertThat(secondPage.json().get("items").get(0).get("email").asText())
                .isGreaterThan(firstPage.json().get("items").get(0).get("email").asText());
    }

    @Test
    void everyAdminRouteIs403ForAUserAnd401Anonymous() {
        ApiClient user = server.client().registerNew();
        UUID id = idOf(user);

        assertThat(user.get("/api/v1/admin/users").status()).isEqualTo(403);
        Answer forbidden = user.post("/api/v1/admin/users/" + id + "/credits", Map.of("amount", 1000, "reason", "self-service"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("forbidden");
        assertThat(ledger.balance(id)).isEqualTo(5);
        assertThat(server.client().get("/api/v1/admin/users").status()).isEqualTo(401);
    }
}
