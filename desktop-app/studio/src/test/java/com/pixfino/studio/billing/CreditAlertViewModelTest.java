package com.pixfino.studio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.billing.CreditAlertViewModel.Alert;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreditAlertViewModelTest {

    @TempDir
    Path dir;

    private final AtomicInteger plansShown = new AtomicInteger();

    @Test
    void aLowBalanceOffersCreditsUntilHiddenAndComesBackAfterTheNextSignIn() {
        SessionFixture fixture = new SessionFixture(dir);
        CreditAlertViewModel alert =
                new CreditAlertViewModel(fixture.session, fixture.messages, plansShown::incrementAndGet);
        fixture.api.setLowCreditThreshold(8);
        fixture.signedIn();

        assertThat(alert.alertProperty().get()).isEqualTo(Alert.LOW_BALANCE);
        assertThat(alert.textProperty().get())
                .isEqualTo("You are running low: 5 credits left. Top up to keep creating.");
        assertThat(alert.actionTextProperty().get()).isEqualTo("Buy credits");
        alert.act();
        assertThat(plansShown).hasValue(1);

        alert.dismiss();
        assertThat(alert.alertProperty().get()).isEqualTo(Alert.NONE);

        fixture.sessions.signOut();
        fixture.signedIn();
        assertThat(alert.alertProperty().get()).isEqualTo(Alert.LOW_BALANCE);
    }

    @Test
    void enoughCreditsOrOfflineShowNothing() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        CreditAlertViewModel alert =
                new CreditAlertViewModel(fixture.session, fixture.messages, plansShown::incrementAndGet);
        assertThat(alert.alertProperty().get()).isEqualTo(Alert.NONE);

        fixture.api.setLowCreditThreshold(8);
        fixture.sessions.refreshUser();
        assertThat(alert.alertProperty().get()).isEqualTo(Alert.LOW_BALANCE);

        fixture.sessions.callFailed(new java.net.ConnectException("refused"));
        assertThat(alert.alertProperty().get()).as("offline, the flag is stale").isEqualTo(Alert.NONE);
    }

    @Test
    void aFailedRenewalComesBeforeALowBalance() throws Exception {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        CreditAlertViewModel alert =
                new CreditAlertViewModel(fixture.session, fixture.messages, plansShown::incrementAndGet);
        fixture.api.checkout("starter");
        fixture.api.completeCheckout();
        fixture.api.renewalFailed();
        fixture.api.setLowCreditThreshold(100);
        fixture.sessions.refreshUser();

        assertThat(alert.alertProperty().get()).isEqualTo(Alert.PAST_DUE);
        assertThat(alert.textProperty().get())
                .isEqualTo("The last payment for your Starter plan failed. Update your card to keep the plan.");
        assertThat(alert.actionTextProperty().get()).isEqualTo("Update payment");

        alert.dismiss();
        assertThat(alert.alertProperty().get())
                .as("the low balance is news of its own")
                .isEqualTo(Alert.LOW_BALANCE);
    }
}
