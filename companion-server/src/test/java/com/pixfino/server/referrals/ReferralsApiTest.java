package com.pixfino.server.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.ReferralsView;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.MailServer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referrals end to end over HTTP, with the verification link read from a real mail and the generation made by the
 * local renderer: codes and links, the join page, sign-up with a code, the reward, self-referral, rewards switched off,
 * the admin settings (validation, audit), the launch promo, the admin figures and the privacy export and deletion.
 */
class ReferralsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct-Horse-7";

    private static MailServer mail;
    private static TestServer server;
    private static ApiClient admin;
    private static JsonNode defaults;

    @BeforeAll
    static void start() {
        mail = MailServer.onFreePort().start();
        server = TestServer.start(
                TestServer.freshConfig("referrals").withMail(TestServer.FAST_MAIL.withSmtp(Optional.of(mail.smtp()))));
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        defaults = admin.get(ApiPaths.ADMIN_SETTINGS).json();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        mail.close();
    }

    @Test
    void settingsStartWithReferralsOffFiveCreditsACapOfTwentyAndNoPromo() {
        assertThat(defaults.toString())
                .isEqualTo("{\"referralsEnabled\":false,\"referralCredits\":5,\"referralMonthlyCap\":20,"
                        + "\"launchPromoFrom\":null,\"launchPromoTo\":null}");
    }

    @Test
    void everyAccountHasACodeAndALinkToTheJoinPage() {
        ApiClient user = server.client().registerNew();
        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.referralCode()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
        assertThat(me.referralLink()).isEqualTo(server.baseUrl() + "/join?ref=" + me.referralCode());
        ReferralsView mine = user.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class);
        assertThat(mine.referralCode()).isEqualTo(me.referralCode());
        assertThat(mine.referralLink()).isEqualTo(me.referralLink());
        assertThat(mine.joined()).isZero();

        Answer page = server.client().get("/join?ref=" + me.referralCode().toLowerCase(java.util.Locale.ROOT));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("invited you to Pixfino Studio; use code " + me.referralCode() + " when you sign up");
        Answer unknown = server.client().get("/join?ref=ZZZZ2222");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("<h1>");
        assertThat(server.client().get("/join").status()).isEqualTo(404);
        assertThat(server.client().get("/join?ref=%3Cscript%3E").body()).doesNotContain("<script>");
    }

    @Test
    void anUnknownCodeRefusesTheSignUpNamingTheField() {
        String email = email("unknown");
        Answer answer = register(email, "ZZZZ3333");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("unknown_referral_code");
        assertThat(answer.json().at("/error/message").asText()).contains("referralCode");
        assertThat(register(email, "not a code at all").errorCode()).isEqualTo("unknown_referral_code");
        assertThat(register(email, "  ").status())
                .as("blank is no code; the account was not created")
                .isEqualTo(201);
    }

    @Test
    void bothSidesEarnOnceTheRefereeVerifiedAndFinishedItsFirstGeneration() {
        settings(true, 7, 20);
        AdminStats.Referrals before =
                admin.get(ApiPaths.ADMIN_STATS).as(AdminStats.class).referrals();
        ApiClient referrer = server.verifiedUser();
        String code = referrer.get(ApiPaths.ME).as(UserView.class).referralCode();
        String email = email("friend");
        ApiClient referee = signedIn(register(email, "  " + code.toLowerCase(java.util.Locale.ROOT) + " "));
        assertThat(referrer.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class).joined())
                .isEqualTo(1);

        finishAGeneration(referee);
        assertThat(credits(referee, "referral:%:referee"))
                .as("not verified yet")
                .isZero();
        openVerificationLink(email);
        assertThat(credits(referee, "referral:%:referee")).isEqualTo(7);
        finishAGeneration(referee);

        ReferralsView mine = referrer.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class);
        assertThat(mine.enabled()).isTrue();
        assertThat(mine.rewardCredits()).isEqualTo(7);
        assertThat(mine.joined()).isEqualTo(1);
        assertThat(mine.rewarded()).isEqualTo(1);
        assertThat(mine.creditsEarned()).isEqualTo(7);
        assertThat(credits(referee, "referral:%:referee"))
                .as("once per referee")
                .isEqualTo(7);
        JsonNode grant = referrer.get(ApiPaths.LEDGER).json().path("items").get(0);
        assertThat(grant.path("kind").asText()).isEqualTo("GRANT");
        assertThat(grant.path("reference").asText()).matches("referral:[0-9a-f-]{36}:referrer");

        AdminStats.Referrals after =
                admin.get(ApiPaths.ADMIN_STATS).as(AdminStats.class).referrals();
        assertThat(after.joined() - before.joined()).isEqualTo(1);
        assertThat(after.rewarded() - before.rewarded()).isEqualTo(1);
        assertThat(after.creditsGranted() - before.creditsGranted()).isEqualTo(14);
    }

    @Test
    void inviteYourselfWithATaggedAddressAndNobodyEarns() {
        settings(true, 5, 20);
        String base = "foo" + UUID.randomUUID().toString().substring(0, 8);
        Answer referrerAnswer = register(base + "@mail.example", null);
        ApiClient referrer = server.verifyEmail(signedIn(referrerAnswer));
        String code = referrer.get(ApiPaths.ME).as(UserView.class).referralCode();
        String tagged = "Foo" + base.substring(3) + "+x@Mail.Example";
        ApiClient referee = signedIn(register(tagged, code));
        openVerificationLink(tagged.toLowerCase(java.util.Locale.ROOT));
        finishAGeneration(referee);

        ReferralsView mine = referrer.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class);
        assertThat(mine.joined()).isEqualTo(1);
        assertThat(mine.rewarded()).isZero();
        assertThat(mine.creditsEarned()).isZero();
        assertThat(credits(referee, "referral:%")).isZero();
    }

    @Test
    void whileReferralsAreOffTheCodeIsRecordedButNobodyEarns() {
        settings(false, 5, 20);
        ApiClient referrer = server.verifiedUser();
        String code = referrer.get(ApiPaths.ME).as(UserView.class).referralCode();
        String email = email("off");
        ApiClient referee = signedIn(register(email, code));
        openVerificationLink(email);
        finishAGeneration(referee);
        ReferralsView mine = referrer.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class);
        assertThat(mine.enabled()).isFalse();
        assertThat(mine.joined()).isEqualTo(1);
        assertThat(mine.rewarded()).isZero();
        assertThat(credits(referee, "referral:%")).isZero();
        // switching them on later does not reach back: the referral was settled while they were off
        settings(true, 5, 20);
        finishAGeneration(referee);
        assertThat(credits(referee, "referral:%")).isZero();
    }

    @Test
    void adminSettingsAreCheckedFieldByFieldAndEverySaveIsAudited() {
        Map<String, Object> good = body(true, 9, 3, "2031-05-01T10:00:00Z", "2031-05-03T10:00:00Z");
        Map<String, Object[]> bad = new LinkedHashMap<>();
        bad.put("referralsEnabled", new Object[] {"referralsEnabled", null});
        bad.put("referralsEnabled as text", new Object[] {"referralsEnabled", "yes"});
        bad.put("referralCredits 0", new Object[] {"referralCredits", 0});
        bad.put("referralCredits 1001", new Object[] {"referralCredits", 1001});
        bad.put("referralCredits 1.5", new Object[] {"referralCredits", 1.5});
        bad.put("referralMonthlyCap -1", new Object[] {"referralMonthlyCap", -1});
        bad.put("referralMonthlyCap 10001", new Object[] {"referralMonthlyCap", 10001});
        bad.put("launchPromoTo", new Object[] {"launchPromoTo", null});
        bad.put("launchPromoTo before from", new Object[] {"launchPromoTo", "2031-05-01T09:00:00Z"});
        bad.put("launchPromoTo equal to from", new Object[] {"launchPromoTo", "2031-05-01T10:00:00Z"});
        bad.put("launchPromoFrom not a time", new Object[] {"launchPromoFrom", "tomorrow"});
        for (var entry : bad.entrySet()) {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) entry.getValue()[0], entry.getValue()[1]);
            Answer answer = admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(body));
            assertThat(answer.status())
                    .as(entry.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText())
                    .as(entry.getKey())
                    .contains(((String) entry.getValue()[0]).replace(" as text", ""));
        }
        Map<String, Object> missing = new HashMap<>(good);
        missing.remove("referralMonthlyCap");
        assertThat(admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(missing))
                        .json()
                        .at("/error/message")
                        .asText())
                .contains("referralMonthlyCap");
        Map<String, Object> extra = new HashMap<>(good);
        extra.put("referralBonus", 3);
        assertThat(admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(extra))
                        .errorCode())
                .isEqualTo("unknown_field");
        Map<String, Object> onlyFrom = body(false, 5, 20, "2031-05-01T10:00:00Z", null);
        assertThat(admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(onlyFrom))
                        .json()
                        .at("/error/message")
                        .asText())
                .contains("launchPromoTo");

        Answer saved = admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(good));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().toString())
                .isEqualTo("{\"referralsEnabled\":true,\"referralCredits\":9,\"referralMonthlyCap\":3,"
                        + "\"launchPromoFrom\":\"2031-05-01T10:00:00Z\",\"launchPromoTo\":\"2031-05-03T10:00:00Z\"}");
        assertThat(admin.get(ApiPaths.ADMIN_SETTINGS).json()).isEqualTo(saved.json());
        JsonNode audit = admin.get(ApiPaths.ADMIN_AUDIT + "?limit=1")
                .json()
                .path("items")
                .get(0);
        assertThat(audit.path("action").asText()).isEqualTo("settings");
        assertThat(audit.path("after").path("referralCredits").asInt()).isEqualTo(9);
        assertThat(audit.path("after").path("launchPromoTo").asText()).isEqualTo("2031-05-03T10:00Z");
        assertThat(audit.path("before").has("referralsEnabled")).isTrue();

        // an offset other than UTC is the same instant, answered in UTC
        Answer offset = admin.method(
                "PUT",
                ApiPaths.ADMIN_SETTINGS,
                ApiClient.json(body(false, 5, 20, "2031-05-01T12:00:00+02:00", "2031-05-01T13:00:00+02:00")));
        assertThat(offset.json().path("launchPromoFrom").asText()).isEqualTo("2031-05-01T10:00:00Z");
        settings(false, 5, 20);
    }

    @Test
    void anAccountCreatedDuringTheLaunchPromoGetsDoubleFreeCredits() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        put(body(false, 5, 20, now.minusHours(1).toString(), now.plusHours(47).toString()));
        try {
            ApiClient promoted = server.client().registerNew();
            assertThat(promoted.get(ApiPaths.ME).as(UserView.class).credits()).isEqualTo(10);
            JsonNode grant = promoted.get(ApiPaths.LEDGER).json().path("items").get(0);
            assertThat(grant.path("amount").asInt()).isEqualTo(10);
            assertThat(grant.path("reason").asText()).contains("launch promo");
            assertThat(promoted.get(ApiPaths.LEDGER).json().path("items").size())
                    .as("one GRANT row")
                    .isEqualTo(1);
        } finally {
            settings(false, 5, 20);
        }
        assertThat(server.client()
                        .registerNew()
                        .get(ApiPaths.ME)
                        .as(UserView.class)
                        .credits())
                .isEqualTo(5);
        put(body(false, 5, 20, now.minusDays(3).toString(), now.minusDays(1).toString()));
        assertThat(server.client()
                        .registerNew()
                        .get(ApiPaths.ME)
                        .as(UserView.class)
                        .credits())
                .as("a window that is over")
                .isEqualTo(5);
        settings(false, 5, 20);
    }

    @Test
    void theExportShowsReferralsAndDeletingTheRefereeLeavesTheReferrersFigures() throws IOException {
        settings(true, 5, 20);
        ApiClient referrer = server.verifiedUser();
        String code = referrer.get(ApiPaths.ME).as(UserView.class).referralCode();
        String email = email("export");
        ApiClient referee = signedIn(register(email, code));
        openVerificationLink(email);
        finishAGeneration(referee);

        Map<String, JsonNode> refereeZip = export(referee);
        assertThat(refereeZip.get("referred-by.json").get(0).path("code").asText())
                .isEqualTo(code);
        assertThat(refereeZip
                        .get("referred-by.json")
                        .get(0)
                        .path("creditsEarned")
                        .asInt())
                .isEqualTo(5);
        assertThat(refereeZip.get("referrals.json")).isEmpty();
        assertThat(refereeZip.get("profile.json").path("referralCode").asText()).hasSize(8);
        Map<String, JsonNode> referrerZip = export(referrer);
        assertThat(referrerZip.get("referrals.json").get(0).path("state").asText())
                .isEqualTo("REWARDED");
        assertThat(referrerZip.get("referrals.json").get(0).toString())
                .as("never who joined")
                .doesNotContain(email)
                .doesNotContain(Studio.userId(referee).toString());

        assertThat(referee.method("DELETE", ApiPaths.ME, "{\"password\":\"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(204);
        ReferralsView mine = referrer.get(ApiPaths.ME_REFERRALS).as(ReferralsView.class);
        assertThat(mine.joined()).isEqualTo(1);
        assertThat(mine.rewarded()).isEqualTo(1);
        assertThat(mine.creditsEarned()).isEqualTo(5);
        settings(false, 5, 20);
    }

    private static Map<String, JsonNode> export(ApiClient user) throws IOException {
        Answer answer = user.get(ApiPaths.ME_EXPORT);
        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(answer.bytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".json")) {
                    entries.put(entry.getName(), JSON.readTree(in.readAllBytes()));
                }
            }
        }
        return entries;
    }

    private static void settings(boolean enabled, int credits, int cap) {
        put(body(enabled, credits, cap, null, null));
    }

    private static void put(Map<String, Object> body) {
        Answer answer = admin.method("PUT", ApiPaths.ADMIN_SETTINGS, ApiClient.json(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static Map<String, Object> body(boolean enabled, int credits, int cap, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralsEnabled", enabled);
        body.put("referralCredits", credits);
        body.put("referralMonthlyCap", cap);
        body.put("launchPromoFrom", from);
        body.put("launchPromoTo", to);
        return body;
    }

    private static Answer register(String email, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "name", "Friend"));
        if (code != null) {
            body.put("referralCode", code);
        }
        return server.client().post(ApiPaths.REGISTER, body);
    }

    private static ApiClient signedIn(Answer registered) {
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return server.client().withToken(registered.as(AuthResponse.class).token());
    }

    private static void openVerificationLink(String email) {
        String link = mail.await(email, 1).get(0).link(ApiPaths.VERIFY_EMAIL_PAGE);
        Answer opened = server.client().get(server.pathOf(link));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    private static void finishAGeneration(ApiClient user) {
        long preset = new Studio(server).presetId("linkedin-headshot");
        // enough for the preset, whatever the account spent before (an admin adjustment: no referral row)
        assertThat(admin.post(
                                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, Studio.userId(user)),
                                Map.of("amount", 10, "reason", "test credits"))
                        .status())
                .isEqualTo(201);
        String id = Studio.generate(user, preset, "smiling");
        assertThat(Studio.awaitFinal(user, id, Duration.ofSeconds(60)).status()).isEqualTo(GenerationStatus.COMPLETED);
    }

    /** The sum of the user's ledger rows whose reference is like {@code pattern} (SQL LIKE). */
    private static int credits(ApiClient user, String pattern) {
        return server.app()
                .database()
                .dsl()
                .fetchOne(
                        "SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE user_id = ? AND reference LIKE ?",
                        Studio.userId(user),
                        pattern)
                .get(0, Integer.class);
    }

    private static String email(String what) {
        return what + "-" + UUID.randomUUID() + "@example.com";
    }
}
