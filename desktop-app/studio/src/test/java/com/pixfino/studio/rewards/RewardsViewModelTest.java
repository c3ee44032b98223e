package com.pixfino.studio.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.rewards.ReferralSummary;
import com.pixfino.studio.testsupport.FakeRewards;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardsViewModelTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private FakeRewards rewards;
    private RewardsViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir);
        fixture.api.setCredits(12);
        fixture.signedIn();
        rewards = new FakeRewards(fixture.api);
        model = rewards.model(fixture);
    }

    @Test
    void theInviteShowsTheLinkTheCodeAndTheFigures() {
        InviteViewModel invites = model.invites();
        assertThat(invites.joinedText().get()).isEqualTo("\u2013");
        assertThat(invites.link()).isEmpty();

        model.refresh();

        assertThat(invites.link()).isEqualTo("https://pixfino.example/join?ref=K7MPQR2X");
        assertThat(invites.linkText().get()).isEqualTo(invites.link());
        assertThat(invites.codeText().get()).contains("K7MPQR2X");
        assertThat(invites.howText().get()).contains("you each get 5 credits");
        assertThat(invites.joinedText().get()).isEqualTo("4");
        assertThat(invites.rewardedText().get()).isEqualTo("2");
        assertThat(invites.earnedText().get()).isEqualTo("10");
        assertThat(invites.programOffText().get()).isEmpty();
        assertThat(invites.copyNoticeProperty().get()).isEmpty();
        invites.copied();
        assertThat(invites.copyNoticeProperty().get()).isEqualTo("Copied");
    }

    @Test
    void aSwitchedOffProgramSaysSo() {
        rewards.summary = new ReferralSummary("K7MPQR2X", "https://x/join?ref=K7MPQR2X", false, 5, 1, 0, 0);

        model.refresh();

        assertThat(model.invites().programOffText().get())
                .startsWith("Invites earn credits again when the program is on");
        assertThat(model.invites().howText().get()).startsWith("Share your link: friends who sign up with it count");
    }

    @Test
    void aFailedReadSaysWhyAndSigningOutForgetsTheLink() {
        rewards.failure = new CompanionApiException(500, "internal", "Something broke on our side.");
        model.refresh();
        assertThat(model.invites().status().messageProperty().get())
                .isEqualTo("Your invite link could not be loaded: Something broke on our side.");

        model.refresh();
        assertThat(model.invites().link()).isNotEmpty();
        fixture.sessions.signOut();
        assertThat(model.invites().link()).isEmpty();
        assertThat(model.invites().joinedText().get()).isEqualTo("\u2013");
    }

    @Test
    void aRedeemedCodeAddsItsCreditsToTheSessionsBalanceAtOnce() {
        RedeemViewModel redeem = model.redemption();
        assertThat(redeem.canRedeemProperty().get()).isFalse();
        redeem.codeProperty().set("  welcome10 ");
        assertThat(redeem.canRedeemProperty().get()).isTrue();

        redeem.redeem();

        assertThat(redeem.status().toneProperty().get()).isEqualTo(Tone.SUCCESS);
        assertThat(redeem.status().messageProperty().get())
                .isEqualTo("+10 credits: code WELCOME10 redeemed. Your balance is now 22.");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(22);
        assertThat(redeem.codeProperty().get()).isEmpty();
    }

    @Test
    void everyRefusalIsSaidInTheProductsWords() {
        RedeemViewModel redeem = model.redemption();
        String[][] cases = {
            {
                "404",
                "unknown_code",
                "There is no code \u201cNOPE\u201d right now. Check the spelling, or whether it starts later."
            },
            {"410", "expired", "The code NOPE has expired."},
            {"409", "used_up", "The code NOPE has been used up: every redemption it allowed is taken."},
            {"409", "already_redeemed", "You have already redeemed NOPE: each code works once per account."},
            {"400", "invalid", "The code could not be redeemed: code: at most 32 characters."}
        };
        for (String[] refusal : cases) {
            rewards.failure = new CompanionApiException(
                    Integer.parseInt(refusal[0]),
                    refusal[1],
                    refusal[1].equals("invalid") ? "code: at most 32 characters." : "server words");
            redeem.codeProperty().set("nope");
            redeem.redeem();
            assertThat(redeem.status().toneProperty().get()).isEqualTo(Tone.ERROR);
            assertThat(redeem.status().messageProperty().get()).isEqualTo(refusal[2]);
            assertThat(redeem.codeProperty().get()).isEqualTo("nope"); // kept, to fix a typo
        }
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(12);
    }

    @Test
    void tooManyAttemptsSayHowLongToWaitAndTypingAgainClearsTheRefusal() {
        RedeemViewModel redeem = model.redemption();
        rewards.failure = new CompanionApiException(429, "too_many_requests", "Slow down.", Duration.ofSeconds(1500));
        redeem.codeProperty().set("X1");
        redeem.redeem();
        assertThat(redeem.status().messageProperty().get())
                .isEqualTo("Too many codes that did not work: try again in 25 minutes.");

        redeem.codeProperty().set("X12");
        assertThat(redeem.status().messageProperty().get()).isEmpty();
    }

    @Test
    void redeemingTwiceIsRefusedAndNothingIsAddedAgain() {
        RedeemViewModel redeem = model.redemption();
        redeem.codeProperty().set("WELCOME10");
        redeem.redeem();
        redeem.codeProperty().set("WELCOME10");
        redeem.redeem();

        assertThat(redeem.status().messageProperty().get())
                .isEqualTo("You have already redeemed WELCOME10: each code works once per account.");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(22);
    }

    @Test
    void offlineNothingIsSent() {
        rewards.failure = new ConnectException("refused");
        model.redemption().codeProperty().set("WELCOME10");
        model.redemption().redeem(); // the refused connection makes the session offline
        assertThat(fixture.session.isOnline()).isFalse();

        model.redemption().redeem();
        assertThat(model.redemption().status().messageProperty().get())
                .isEqualTo("Codes can only be redeemed while the server can be reached.");
        assertThat(rewards.redeemed).isEmpty();
    }
}
