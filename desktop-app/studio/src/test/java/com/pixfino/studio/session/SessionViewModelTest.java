package com.pixfino.studio.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Tier;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.testsupport.FakeCompanionApi;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionViewModelTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir);
    }

    @Test
    void aPushedBalanceShowsAtOnceAndAPaymentReadsThePlanAgain() throws Exception {
        fixture.signedIn();
        fixture.api.checkout("starter");
        fixture.api.completeCheckout(); // the server's side: now Starter with 45 credits

        fixture.sessions.balanceChanged(new BalanceEvent(3, "debit"));
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(3);
        assertThat(fixture.session.userProperty().get().tier())
                .as("a charge does not read the account again")
                .isEqualTo(Tier.FREE);
        assertThat(fixture.session.balanceChangeProperty().get()).isEqualTo(new BalanceEvent(3, "debit"));

        fixture.sessions.balanceChanged(new BalanceEvent(45, "grant"));
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(45);
        assertThat(fixture.session.userProperty().get().tier()).isEqualTo(Tier.STARTER);
        assertThat(fixture.session.userProperty().get().subscription().plan()).isEqualTo("starter");

        fixture.sessions.signOut();
        fixture.sessions.balanceChanged(new BalanceEvent(99, "grant"));
        assertThat(fixture.session.creditsProperty().get()).isZero();
        assertThat(fixture.session.balanceChangeProperty().get()).isNull();
    }

    @Test
    void aPushedRiseIsNoLongerCalledLowWhileTheAccountIsReadAgain() {
        fixture.api.setLowCreditThreshold(8);
        fixture.signedIn();
        assertThat(fixture.session.userProperty().get().lowBalance()).isTrue();

        fixture.session.balanceChanged(new BalanceEvent(3, "debit"));
        assertThat(fixture.session.userProperty().get().lowBalance()).isTrue();

        fixture.session.balanceChanged(new BalanceEvent(53, "purchase"));
        assertThat(fixture.session.userProperty().get().lowBalance()).isFalse();
        assertThat(fixture.session.userProperty().get().credits()).isEqualTo(53);
    }

    @Test
    void restoresASavedSignInWhenTheServerAnswers() throws Exception {
        fixture.tokens.write(SessionFixture.SERVER, FakeCompanionApi.TOKEN);

        fixture.sessions.connectionSettled(ConnectionState.CONNECTED);

        assertThat(fixture.session.isSignedIn()).isTrue();
        assertThat(fixture.session.isOnline()).isTrue();
        assertThat(fixture.snapshots.read(SessionFixture.SERVER)).contains(fixture.api.user);
    }

    @Test
    void opensTheLastAccountOfflineWhenTheServerIsDown() throws Exception {
        fixture.tokens.write(SessionFixture.SERVER, FakeCompanionApi.TOKEN);
        fixture.snapshots.write(SessionFixture.SERVER, fixture.api.user);

        fixture.sessions.connectionSettled(ConnectionState.OFFLINE);

        assertThat(fixture.session.isSignedIn()).isTrue();
        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(fixture.session.ownerId()).isEqualTo(fixture.api.user.id().toString());
    }

    @Test
    void staysSignedOutWithoutASavedToken() {
        fixture.sessions.connectionSettled(ConnectionState.CONNECTED);
        fixture.sessions.connectionSettled(ConnectionState.OFFLINE);

        assertThat(fixture.session.isSignedIn()).isFalse();
    }

    @Test
    void aRefusedTokenIsForgottenAndExplained() throws Exception {
        fixture.signedIn();
        fixture.sessions.callFailed(
                new com.pixfino.studio.core.net.CompanionApiException(401, "unauthorized", "Sign in again."));

        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(fixture.tokens.read(SessionFixture.SERVER)).isEmpty();
        assertThat(fixture.sessions.noticeProperty().get()).contains("Sign in again");
    }

    @Test
    void networkFailuresMakeTheSessionOfflineAndTheConnectionBringsItBack() {
        fixture.signedIn();

        fixture.sessions.callFailed(new java.net.ConnectException("Connection refused"));
        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(fixture.session.isSignedIn()).isTrue();

        fixture.api.user = new com.pixfino.model.api.UserView(
                fixture.api.user.id(),
                fixture.api.user.email(),
                "Ana",
                fixture.api.user.role(),
                fixture.api.user.tier(),
                9);
        fixture.sessions.connectionSettled(ConnectionState.CONNECTED);

        assertThat(fixture.session.isOnline()).isTrue();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(9);
    }

    @Test
    void theFirstCallThatGoesThroughAgainBringsTheSessionBackOnline() {
        fixture.signedIn();
        fixture.sessions.callFailed(new java.net.SocketTimeoutException("timeout"));
        fixture.api.setCredits(12);

        fixture.sessions.callSucceeded();

        assertThat(fixture.session.isOnline()).isTrue();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(12);
    }

    @Test
    void signingOutRevokesAndForgetsTheToken() throws Exception {
        fixture.signedIn();

        fixture.sessions.signOut();

        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(fixture.api.logouts).isEqualTo(1);
        assertThat(fixture.tokens.read(SessionFixture.SERVER)).isEmpty();
        assertThat(fixture.sessions.noticeProperty().get()).contains("signed out");
    }
}
