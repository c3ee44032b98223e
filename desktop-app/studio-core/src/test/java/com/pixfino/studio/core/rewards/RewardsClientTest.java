package com.pixfino.studio.core.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The invite figures and code redemption, against canned answers in the pinned contract's shapes (issue 16). */
class RewardsClientTest extends CannedServerTest {

    @Test
    void theReferralsAreReadWithTheSessionsToken() throws Exception {
        server.enqueue(HealthResponses.json(
                200,
                "{\"referralCode\":\"K7MPQR2X\",\"referralLink\":\"https://pixfino.example/join?ref=K7MPQR2X\","
                        + "\"enabled\":true,\"rewardCredits\":5,\"joined\":4,\"rewarded\":2,\"creditsEarned\":10,"
                        + "\"somethingNew\":1}"));

        ReferralSummary summary = RewardsClient.of(api()).referrals();

        assertThat(summary)
                .isEqualTo(new ReferralSummary(
                        "K7MPQR2X", "https://pixfino.example/join?ref=K7MPQR2X", true, 5, 4, 2, 10));
        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v1/me/referrals");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void aRedeemedCodeAnswersTheGrantAndTheNewBalance() throws Exception {
        server.enqueue(HealthResponses.json(200, "{\"code\":\"WELCOME10\",\"granted\":10,\"credits\":42}"));

        Redemption redemption = RewardsClient.of(api()).redeem("welcome10");

        assertThat(redemption).isEqualTo(new Redemption("WELCOME10", 10, 42));
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v1/credits/redeem");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(post.getBody().utf8()).isEqualTo("{\"code\":\"welcome10\"}");
    }

    @Test
    void everyRefusalKeepsItsStatusCodeAndSentence() {
        String[][] refusals = {
            {"404", "unknown_code", "There is no such code."},
            {"410", "expired", "This code has expired."},
            {"409", "used_up", "This code has been used up."},
            {"409", "already_redeemed", "You have redeemed this code already."}
        };
        for (String[] refusal : refusals) {
            server.enqueue(HealthResponses.json(
                    Integer.parseInt(refusal[0]),
                    "{\"error\":{\"code\":\"" + refusal[1] + "\",\"message\":\"" + refusal[2] + "\"}}"));
            assertThatThrownBy(() -> RewardsClient.of(api()).redeem("X"))
                    .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(Integer.parseInt(refusal[0]));
                        assertThat(e.code()).isEqualTo(refusal[1]);
                        assertThat(e.getMessage()).isEqualTo(refusal[2]);
                    });
        }
    }

    @Test
    void tooManyAttemptsCarryTheWait() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "1800")
                .body("{\"error\":{\"code\":\"too_many_requests\",\"message\":\"Too many attempts.\"}}")
                .build());

        assertThatThrownBy(() -> RewardsClient.of(api()).redeem("X"))
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(30));
                });
    }
}
