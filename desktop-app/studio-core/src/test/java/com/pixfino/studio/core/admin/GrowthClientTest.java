package com.pixfino.studio.core.admin;

import static com.pixfino.studio.core.testsupport.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The growth screen's calls and the dashboard's referral figures, against canned answers in the pinned shapes. */
class GrowthClientTest extends CannedServerTest {

    private static final String CODE = "{\"code\":\"LAUNCH50\",\"credits\":50,\"maxRedemptions\":100,\"redemptions\":3,"
            + "\"validFrom\":\"2026-11-28T10:00:00Z\",\"validTo\":\"2026-11-30T10:00:00Z\",\"status\":\"active\","
            + "\"createdAt\":\"2026-11-28T09:59:00Z\"}";

    private static final String STATS = "\"users\":{\"total\":9,\"newThisWeek\":2,\"active7d\":5,\"suspended\":0,"
            + "\"byTier\":{\"FREE\":9}},\"generations\":{\"today\":1,\"thisWeek\":2,\"total\":3,\"byStatus\":{}},"
            + "\"subscriptions\":{\"active\":0,\"byTier\":{}},\"credits\":{\"granted\":1,\"purchased\":2,"
            + "\"debited\":3,\"refunded\":4,\"adjusted\":5,\"expired\":6,\"outstanding\":7}";

    @Test
    void codesAreListedCreatedAndExpired() throws Exception {
        server.enqueue(HealthResponses.json(200, "{\"items\":[" + CODE + "]}"));
        server.enqueue(HealthResponses.json(201, CODE));
        server.enqueue(HealthResponses.json(200, CODE.replace("active", "expired")));
        GrowthApi growth = AdminClients.growth(api());

        List<PromoCode> list = growth.promoCodes();
        PromoCode created = growth.create(new NewPromoCode(
                "launch50", 50, 100, Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-30T10:00:00Z")));
        PromoCode expired = growth.expire("LAUNCH50");

        assertThat(list)
                .singleElement()
                .isEqualTo(new PromoCode(
                        "LAUNCH50",
                        50,
                        100,
                        3,
                        Instant.parse("2026-11-28T10:00:00Z"),
                        Instant.parse("2026-11-30T10:00:00Z"),
                        PromoCode.Status.ACTIVE,
                        Instant.parse("2026-11-28T09:59:00Z")));
        assertThat(created.status().isLive()).isTrue();
        assertThat(expired.status()).isEqualTo(PromoCode.Status.EXPIRED);
        assertThat(expired.status().isLive()).isFalse();
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v1/admin/promo-codes");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getBody().utf8())
                .isEqualTo("{\"code\":\"launch50\",\"credits\":50,\"maxRedemptions\":100,"
                        + "\"validFrom\":\"2026-11-28T10:00:00Z\",\"validTo\":\"2026-11-30T10:00:00Z\"}");
        RecordedRequest expire = server.takeRequest();
        assertThat(expire.getMethod()).isEqualTo("POST");
        assertThat(expire.getUrl().encodedPath()).isEqualTo("/api/v1/admin/promo-codes/LAUNCH50/expire");
    }

    @Test
    void aStatusANewerServerAddsIsReadAsUnknown() throws Exception {
        server.enqueue(HealthResponses.json(200, "{\"items\":[" + CODE.replace("active", "paused") + "]}"));

        assertThat(AdminClients.growth(api()).promoCodes())
                .singleElement()
                .satisfies(code -> assertThat(code.status()).isEqualTo(PromoCode.Status.UNKNOWN));
    }

    @Test
    void aTakenCodeKeepsTheServersCode() {
        server.enqueue(HealthResponses.json(
                409, "{\"error\":{\"code\":\"code_taken\",\"message\":\"A promo code LAUNCH50 exists already.\"}}"));

        assertRefused(
                () -> AdminClients.growth(api()).create(new NewPromoCode("LAUNCH50", 1, 1, null, null)),
                409,
                "code_taken");
    }

    @Test
    void theSettingsAreReadAndAllFiveSentBack() throws Exception {
        server.enqueue(HealthResponses.json(
                200,
                "{\"referralsEnabled\":false,\"referralCredits\":5,\"referralMonthlyCap\":20,"
                        + "\"launchPromoFrom\":null,\"launchPromoTo\":null}"));
        server.enqueue(HealthResponses.json(
                200,
                "{\"referralsEnabled\":true,\"referralCredits\":7,\"referralMonthlyCap\":0,"
                        + "\"launchPromoFrom\":null,\"launchPromoTo\":null}"));
        GrowthApi growth = AdminClients.growth(api());

        GrowthSettings read = growth.settings();
        GrowthSettings saved = growth.save(new GrowthSettings(true, 7, 0, null, null));

        assertThat(read).isEqualTo(new GrowthSettings(false, 5, 20, null, null));
        assertThat(saved.referralsEnabled()).isTrue();
        server.takeRequest();
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/admin/settings");
        assertThat(put.getBody().utf8())
                .isEqualTo("{\"referralsEnabled\":true,\"referralCredits\":7,\"referralMonthlyCap\":0,"
                        + "\"launchPromoFrom\":null,\"launchPromoTo\":null}");
    }

    @Test
    void theDashboardReadsTheReferralFiguresWithTheStatsInOneRequest() throws Exception {
        server.enqueue(HealthResponses.json(
                200, "{" + STATS + ",\"referrals\":{\"joined\":12,\"rewarded\":5,\"creditsGranted\":50}}"));
        server.enqueue(HealthResponses.json(200, "{" + STATS + "}"));
        AdminApi admin = AdminClient.of(api());

        PlatformFigures withReferrals = admin.figures();
        PlatformFigures older = admin.figures();

        assertThat(withReferrals.stats().users().total()).isEqualTo(9);
        assertThat(withReferrals.stats().credits().outstanding()).isEqualTo(7);
        assertThat(withReferrals.referrals()).contains(new ReferralFigures(12, 5, 50));
        assertThat(older.stats().users().total()).isEqualTo(9);
        assertThat(older.referrals()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
