package com.pixfino.server.promo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.model.api.promo.PromoCodeList;
import com.pixfino.model.api.promo.PromoCodeStatus;
import com.pixfino.model.api.promo.PromoCodeView;
import com.pixfino.model.api.promo.RedeemView;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promo codes through the API of a real server: the admin's create, list and expire (audited, 403 to everyone else),
 * every refusal of a redemption, racing redemptions, the failed-attempt limit, and the redemptions in the privacy
 * export and deletion. Balances always equal the ledger sums.
 */
class PromoCodesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static ApiClient admin;
    private static CreditLedger ledger;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.freshConfig("promo")
                .withLimits(RateLimitSettings.unlimited()
                        .with(Budget.FAILED_REDEEMS_PER_ACCOUNT, Allowance.of(10, Duration.ofHours(1)))));
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        ledger = server.services().ledger();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminCreatesACodeAUserRedeemsItOnceInAnyCaseAndTheListCountsIt() {
        String code = "Spring-" + suffix();
        Answer created = create(code, 25, 100, now().minusMinutes(1), now().plusDays(2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        PromoCodeView view = created.as(PromoCodeView.class);
        assertThat(view.code()).isEqualTo(code.toUpperCase(Locale.ROOT));
        assertThat(view.credits()).isEqualTo(25);
        assertThat(view.maxRedemptions()).isEqualTo(100);
        assertThat(view.redemptions()).isZero();
        assertThat(view.status()).isEqualTo(PromoCodeStatus.ACTIVE);
        assertThat(created.json().get("status").asText()).isEqualTo("active");
        assertThat(created.json().get("validTo").asText()).endsWith("Z");

        ApiClient user = server.client().registerNew();
        UUID id = Studio.userId(user);
        Answer redeemed = redeem(user, code.toLowerCase(Locale.ROOT));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.as(RedeemView.class)).isEqualTo(new RedeemView(code.toUpperCase(Locale.ROOT), 25, 30));
        assertThat(ledger.balance(id)).isEqualTo(30).isEqualTo(ledger.ledgerSum(id));
        LedgerEntryView grant =
                user.get(ApiPaths.LEDGER).page(LedgerEntryView.class).items().get(0);
        assertThat(grant.kind()).isEqualTo(LedgerKind.GRANT);
        assertThat(grant.amount()).isEqualTo(25);
        assertThat(grant.reference()).isEqualTo("promo:" + code.toUpperCase(Locale.ROOT) + ":" + id);

        Answer again = redeem(user, " " + code.toUpperCase(Locale.ROOT) + " ");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("already_redeemed");
        assertThat(ledger.balance(id)).isEqualTo(30).isEqualTo(ledger.ledgerSum(id));

        PromoCodeList list = admin.get(ApiPaths.ADMIN_PROMO_CODES).as(PromoCodeList.class);
        assertThat(list.items().get(0).code()).as("newest first").isEqualTo(code.toUpperCase(Locale.ROOT));
        assertThat(list.items().get(0).redemptions()).isEqualTo(1);

        AuditEntryView audit = audit("promo_code_create", code.toUpperCase(Locale.ROOT));
        assertThat(audit.targetType()).isEqualTo("promo_code");
        assertThat(audit.adminEmail()).isEqualTo(TestServer.ADMIN_EMAIL);
        assertThat(audit.after()).containsEntry("credits", 25).containsEntry("maxRedemptions", 100);
    }

    @Test
    void unknownNotYetValidPastExpiredAndUsedUpCodesAreRefusedWithTheirCodes() {
        ApiClient user = server.client().registerNew();
        UUID id = Studio.userId(user);
        assertRefused(redeem(user, "NO-SUCH-" + suffix()), 404, "unknown_code");
        assertRefused(redeem(user, "x"), 404, "unknown_code");

        String scheduled = "LATER-" + suffix();
        assertThat(create(scheduled, 5, 10, now().plusHours(1), now().plusHours(2))
                        .as(PromoCodeView.class)
                        .status())
                .isEqualTo(PromoCodeStatus.SCHEDULED);
        assertRefused(redeem(user, scheduled), 404, "unknown_code");

        String past = "PAST-" + suffix();
        assertThat(create(past, 5, 10, now().minusDays(2), now().minusDays(1))
                        .as(PromoCodeView.class)
                        .status())
                .isEqualTo(PromoCodeStatus.EXPIRED);
        assertRefused(redeem(user, past), 410, "expired");

        String single = "ONCE-" + suffix();
        create(single, 7, 1, now().minusMinutes(1), now().plusDays(1));
        ApiClient first = server.client().registerNew();
        assertThat(redeem(first, single).status()).isEqualTo(200);
        assertRefused(redeem(user, single), 409, "used_up");
        assertThat(find(single).status()).isEqualTo(PromoCodeStatus.USED_UP);
        assertRefused(redeem(first, single), 409, "already_redeemed");

        String ended = "ENDED-" + suffix();
        create(ended, 9, 10, now().minusMinutes(1), now().plusDays(30));
        Answer expired = admin.post(expirePath(ended.toLowerCase(Locale.ROOT)), Map.of());
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        PromoCodeView endedView = expired.as(PromoCodeView.class);
        assertThat(endedView.status()).isEqualTo(PromoCodeStatus.EXPIRED);
        assertThat(endedView.validTo()).isBetween(now().minusMinutes(1), now().plusSeconds(1));
        assertRefused(redeem(user, ended), 410, "expired");
        AuditEntryView audit = audit("promo_code_expire", ended);
        assertThat(audit.before()).containsKey("validTo");
        assertThat(audit.after()).containsEntry("validTo", endedView.validTo().toString());
        assertThat(admin.post(expirePath(ended), Map.of())
                        .as(PromoCodeView.class)
                        .validTo())
                .as("expiring again changes nothing")
                .isEqualTo(endedView.validTo());
        Answer unknown = admin.post(expirePath("NOPE-" + suffix()), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");

        assertThat(ledger.balance(id)).isEqualTo(5).isEqualTo(ledger.ledgerSum(id));
    }

    @Test
    void createRefusesDuplicatesInAnyCaseAndEveryBadFieldWithASentenceNamingIt() {
        String code = "DUP-" + suffix();
        assertThat(create(code, 5, 5, now(), now().plusDays(1)).status()).isEqualTo(201);
        assertRefused(create(code.toLowerCase(Locale.ROOT), 5, 5, now(), now().plusDays(1)), 409, "code_taken");

        Map<String, Object> good = body("OK-" + suffix(), 5, 5, now(), now().plusDays(1));
        List<Object[]> bad = List.of(
                new Object[] {"code", "ab", "invalid_code", "code"},
                new Object[] {"code", "with space", "invalid_code", "code"},
                new Object[] {"code", "x".repeat(33), "invalid_code", "code"},
                new Object[] {"code", "a\u0000bcd", "invalid_text", "code"},
                new Object[] {"code", 12345, "invalid_field", "code"},
                new Object[] {"credits", 0, "invalid_credits", "credits"},
                new Object[] {"credits", 10_001, "invalid_credits", "credits"},
                new Object[] {"credits", "5", "invalid_field", "credits"},
                new Object[] {"credits", 2.5, "invalid_field", "credits"},
                new Object[] {"maxRedemptions", 0, "invalid_max_redemptions", "maxRedemptions"},
                new Object[] {"maxRedemptions", 1_000_001, "invalid_max_redemptions", "maxRedemptions"},
                new Object[] {"validFrom", "tomorrow", "invalid_field", "validFrom"},
                new Object[] {"validFrom", "2026-12-01T00:00:00", "invalid_field", "validFrom"},
                new Object[] {"validTo", now().minusDays(1).toString(), "invalid_valid_to", "validTo"},
                // beyond the years a code may name, whether or not the date parser takes it
                new Object[] {"validTo", "+200000-01-01T00:00:00Z", "*", "validTo"},
                new Object[] {"extra", true, "unknown_field", "extra"});
        for (Object[] field : bad) {
            Map<String, Object> body = new LinkedHashMap<>(good);
            body.put((String) field[0], field[1]);
            Answer answer = admin.post(ApiPaths.ADMIN_PROMO_CODES, body);
            String what = field[0] + "=" + field[1];
            assertThat(answer.status()).as(what).isEqualTo(400);
            if (!field[2].equals("*")) {
                assertThat(answer.errorCode()).as(what).isEqualTo(field[2]);
            }
            assertThat(answer.json().at("/error/message").asText())
                    .as(what)
                    .contains((String) field[3])
                    .endsWith(".")
                    .doesNotContain("java.", "Exception");
        }
        for (String missing : List.of("code", "credits", "maxRedemptions", "validFrom", "validTo")) {
            Map<String, Object> body = new LinkedHashMap<>(good);
            body.remove(missing);
            Answer answer = admin.post(ApiPaths.ADMIN_PROMO_CODES, body);
            assertThat(answer.status()).as(missing).isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText()).as(missing).contains(missing);
        }
        assertThat(admin.postRaw(ApiPaths.ADMIN_PROMO_CODES, "[1]").status()).isEqualTo(400);
        assertThat(find(good.get("code").toString()))
                .as("nothing refused was stored")
                .isNull();
    }

    @Test
    void redeemNeedsASessionAndAReadableCode() {
        ApiClient user = server.verifiedUser();
        Answer key = user.post(ApiPaths.API_KEYS, Map.of("name", "promo", "scopes", List.of("read", "generate")));
        ApiClient withKey = server.client().withToken(key.json().get("key").asText());
        String code = "KEYS-" + suffix();
        create(code, 5, 5, now().minusMinutes(1), now().plusDays(1));

        assertThat(redeem(withKey, code).status()).isEqualTo(403);
        assertThat(redeem(server.client(), code).status()).isEqualTo(401);
        for (String body : List.of("{}", "{\"code\":5}", "{\"code\":\"a\\u0000b\"}", "{\"code\":\"\"}", "{\"c\":1}")) {
            Answer answer = user.postRaw(ApiPaths.CREDITS_REDEEM, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText())
                    .as(body)
                    .containsAnyOf("code", "'c'")
                    .doesNotContain("java.");
        }
        assertThat(redeem(user, code).status()).isEqualTo(200);
    }

    @Test
    void moreThanTenFailedRedemptionsAnHourAre429EvenForAGoodCode() {
        ApiClient user = server.client().registerNew();
        String good = "GOOD-" + suffix();
        create(good, 5, 5, now().minusMinutes(1), now().plusDays(1));
        for (int i = 0; i < 10; i++) {
            assertRefused(redeem(user, "GUESS-" + i + "-" + suffix()), 404, "unknown_code");
        }
        Answer limited = redeem(user, good);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(Studio.credits(user)).isEqualTo(5);
        assertThat(redeem(server.client().registerNew(), good).status())
                .as("another account is not limited")
                .isEqualTo(200);
    }

    @Test
    void thirtyUsersRacingForSevenPlacesGetExactlySevenGrants() throws Exception {
        String code = "RACE-" + suffix();
        create(code, 3, 7, now().minusMinutes(1), now().plusDays(1));
        List<ApiClient> users = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add(server.client().registerNew());
        }
        List<Answer> answers = race(users.stream()
                .map(u -> (java.util.concurrent.Callable<Answer>) () -> redeem(u, code))
                .toList());
        Map<String, Integer> outcomes = new HashMap<>();
        answers.forEach(a -> outcomes.merge(a.status() == 200 ? "ok" : a.errorCode(), 1, Integer::sum));
        assertThat(outcomes).isEqualTo(Map.of("ok", 7, "used_up", 23));
        for (ApiClient user : users) {
            UUID id = Studio.userId(user);
            assertThat(ledger.balance(id)).isIn(5, 8).isEqualTo(ledger.ledgerSum(id));
        }
        PromoCodeView view = find(code);
        assertThat(view.redemptions()).isEqualTo(7);
        assertThat(view.status()).isEqualTo(PromoCodeStatus.USED_UP);
    }

    @Test
    void oneUserRacingItselfIsGrantedOnce() throws Exception {
        String code = "TWIN-" + suffix();
        create(code, 4, 1000, now().minusMinutes(1), now().plusDays(1));
        ApiClient user = server.client().registerNew();
        UUID id = Studio.userId(user);
        List<java.util.concurrent.Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> redeem(user, code));
        }
        List<Answer> answers = race(calls);
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() != 200)
                .extracting(Answer::errorCode)
                .containsOnly("already_redeemed");
        assertThat(ledger.balance(id)).isEqualTo(9).isEqualTo(ledger.ledgerSum(id));
        assertThat(find(code).redemptions()).isEqualTo(1);
    }

    @Test
    void redemptionsAreInTheExportAndGoWithTheAccountWhileTheCountStays() throws IOException {
        String code = "GDPR-" + suffix();
        create(code, 6, 10, now().minusMinutes(1), now().plusDays(1));
        ApiClient user = server.client().registerNew();
        UUID id = Studio.userId(user);
        assertThat(redeem(user, code).status()).isEqualTo(200);

        Answer export = user.get(ApiPaths.ME_EXPORT);
        assertThat(export.status()).isEqualTo(200);
        JsonNode rows = JSON.readTree(zipEntry(export.bytes(), "promo-redemptions.json"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("code").asText()).isEqualTo(code);
        assertThat(rows.get(0).get("credits").asInt()).isEqualTo(6);

        Answer deleted = user.method("DELETE", ApiPaths.ME, "{\"password\":\"correct-Horse-7\"}");
        assertThat(deleted.status()).as(deleted.body()).isIn(200, 202, 204);
        var db = server.app().database().dsl();
        assertThat(db.fetchCount(db.selectFrom("promo_redemptions").where("user_id = ?", id)))
                .isZero();
        assertThat(find(code).redemptions())
                .as("a deleted account frees no place")
                .isEqualTo(1);
        assertThat(db.fetchOne("SELECT (SELECT coalesce(sum(amount), 0) FROM credit_ledger)"
                                + " = (SELECT coalesce(sum(credits), 0) FROM users)")
                        .get(0, Boolean.class))
                .isTrue();
    }

    private static List<Answer> race(List<java.util.concurrent.Callable<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] zipEntry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the export");
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.json().at("/error/message").asText()).endsWith(".");
    }

    private static AuditEntryView audit(String action, String target) {
        return admin.get(ApiPaths.ADMIN_AUDIT + "?limit=100").page(AuditEntryView.class).items().stream()
                .filter(e -> e.action().equals(action) && e.targetId().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit row " + action + " " + target));
    }

    private static PromoCodeView find(String code) {
        return admin.get(ApiPaths.ADMIN_PROMO_CODES).as(PromoCodeList.class).items().stream()
                .filter(v -> v.code().equalsIgnoreCase(code))
                .findFirst()
                .orElse(null);
    }

    private static Answer redeem(ApiClient user, String code) {
        return user.post(ApiPaths.CREDITS_REDEEM, Map.of("code", code));
    }

    private static Answer create(String code, int credits, int max, OffsetDateTime from, OffsetDateTime to) {
        return admin.post(ApiPaths.ADMIN_PROMO_CODES, body(code, credits, max, from, to));
    }

    private static Map<String, Object> body(String code, int credits, int max, OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("credits", credits);
        body.put("maxRedemptions", max);
        body.put("validFrom", from.toString());
        body.put("validTo", to.toString());
        return body;
    }

    private static String expirePath(String code) {
        return ApiPaths.ADMIN_PROMO_CODE_EXPIRE.replace("{code}", code);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
