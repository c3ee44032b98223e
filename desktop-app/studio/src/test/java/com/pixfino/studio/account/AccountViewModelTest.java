package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountViewModelTest {

    @TempDir
    Path dir;

    @Test
    void showsBalanceTierAndTheLedgerNewestFirst() throws Exception {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account =
                new AccountViewModel(fixture.tasks, fixture.session, fixture.sessions, fixture.messages);
        fixture.api.createGeneration(
                new CreateGenerationRequest(TestPresets.SNOW_PRINCESS.id(), UUID.randomUUID(), null), null);

        account.refresh();

        assertThat(account.balanceText().get()).isEqualTo("1");
        assertThat(account.tierText().get()).isEqualTo("Free");
        assertThat(account.tierDetail().get()).isEqualTo("5 credits each month · PRO styles need a paid plan");
        assertThat(account.emailText().get()).isEqualTo("ana@example.com");
        assertThat(account.ledger())
                .extracting(LedgerEntryView::reason)
                .containsExactly("Generation: Snow Princess", "Free tier monthly credits");
        assertThat(account.amountText(account.ledger().get(0))).isEqualTo("\u22124");
        assertThat(account.kindText(account.ledger().get(0))).isEqualTo("Charge");
        assertThat(account.amountText(account.ledger().get(1))).isEqualTo("+5");
    }

    @Test
    void offlineItSaysTheBalanceIsTheLastOneSeen() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account =
                new AccountViewModel(fixture.tasks, fixture.session, fixture.sessions, fixture.messages);
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        account.refresh();

        assertThat(account.balanceText().get()).isEqualTo("5");
        assertThat(account.noticeProperty().get()).startsWith("Offline: the balance shown is the last one seen.");
    }

    @Test
    void aLedgerThatASignOutOvertakesIsDropped() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SessionFixture fixture = new SessionFixture(dir, tasks).signedIn();
        AccountViewModel account =
                new AccountViewModel(fixture.tasks, fixture.session, fixture.sessions, fixture.messages);
        tasks.hold();
        account.refresh();
        assertThat(account.busyProperty().get()).isTrue();

        fixture.sessions.signOut();
        tasks.runHeld();

        assertThat(account.ledger()).isEmpty();
        assertThat(account.busyProperty().get()).isFalse();
        assertThat(account.noticeProperty().get()).isEmpty();
    }
}
