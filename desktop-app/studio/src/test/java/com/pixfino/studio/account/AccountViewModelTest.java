package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.ui.ActivityStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountViewModelTest {

    @TempDir
    Path dir;

    @Test
    void showsBalanceTierAndTheLedgerNewestFirst() throws Exception {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account = new AccountViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, owner -> {}, Clock.systemUTC());
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
        AccountViewModel account = new AccountViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, owner -> {}, Clock.systemUTC());
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        account.refresh();

        assertThat(account.balanceText().get()).isEqualTo("5");
        assertThat(account.noticeProperty().get()).startsWith("Offline: the balance shown is the last one seen.");
    }

    @Test
    void aLedgerThatASignOutOvertakesIsDropped() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SessionFixture fixture = new SessionFixture(dir, tasks).signedIn();
        AccountViewModel account = new AccountViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, owner -> {}, Clock.systemUTC());
        tasks.hold();
        account.refresh();
        assertThat(account.busyProperty().get()).isTrue();

        fixture.sessions.signOut();
        tasks.runHeld();

        assertThat(account.ledger()).isEmpty();
        assertThat(account.busyProperty().get()).isFalse();
        assertThat(account.noticeProperty().get()).isEmpty();
    }

    @Test
    void exportingSavesTheZipWhereTheUserChoseAndSaysWhere() throws Exception {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account = accountWithClock(fixture, new ArrayList<>());

        assertThat(account.exportFileName()).isEqualTo("pixfino-data-2026-11-21.zip");
        account.exportData(dir.resolve("my data"));

        Path saved = dir.resolve("my data.zip");
        assertThat(Files.readAllBytes(saved)).isEqualTo(fixture.api.exportBytes);
        assertThat(account.exportingProperty().get()).isFalse();
        assertThat(account.dataNoticeProperty().get())
                .isEqualTo("Your data was saved to " + saved + " (" + fixture.api.exportBytes.length + " B).");
        assertThat(account.dataToneProperty().get()).isEqualTo(ActivityStatus.Tone.SUCCESS);
    }

    @Test
    void anExportNeedsTheServerAndAFailureSaysWhy() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account = accountWithClock(fixture, new ArrayList<>());

        fixture.api.unreachable = true;
        account.exportData(dir.resolve("a.zip"));
        assertThat(account.dataNoticeProperty().get()).startsWith("Your data could not be exported: ");
        assertThat(account.dataToneProperty().get()).isEqualTo(ActivityStatus.Tone.ERROR);

        account.exportData(dir.resolve("b.zip"));
        assertThat(account.dataNoticeProperty().get())
                .isEqualTo("Your data can only be exported while the server can be reached.");
        assertThat(dir.resolve("a.zip")).doesNotExist();
    }

    @Test
    void deletingNeedsTheEmailOrDeleteTypedAndThePassword() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        DeleteAccountViewModel deletion =
                accountWithClock(fixture, new ArrayList<>()).deletion();

        assertThat(deletion.email()).isEqualTo("ana@example.com");
        assertThat(deletion.canDeleteProperty().get()).isFalse();
        deletion.passwordProperty().set("whatever");
        assertThat(deletion.canDeleteProperty().get()).isFalse();
        deletion.confirmationProperty().set("ana@example");
        assertThat(deletion.canDeleteProperty().get()).isFalse();
        deletion.confirmationProperty().set(" ANA@example.com ");
        assertThat(deletion.canDeleteProperty().get()).isTrue();
        deletion.confirmationProperty().set("delete");
        assertThat(deletion.canDeleteProperty().get())
                .as("the word must be typed as shown")
                .isFalse();
        deletion.confirmationProperty().set("DELETE");
        assertThat(deletion.canDeleteProperty().get()).isTrue();
        deletion.passwordProperty().set("");
        assertThat(deletion.canDeleteProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordKeepsTheAccountAndTheSessionAndSaysSo() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        List<String> forgotten = new ArrayList<>();
        DeleteAccountViewModel deletion = accountWithClock(fixture, forgotten).deletion();
        deletion.confirmationProperty().set("DELETE");
        deletion.passwordProperty().set("not-my-password");

        deletion.delete();

        assertThat(deletion.errorProperty().get())
                .isEqualTo("The password is wrong, so nothing was deleted. Enter the password you sign in with.");
        assertThat(deletion.passwordProperty().get())
                .as("cleared for typing again")
                .isEmpty();
        assertThat(deletion.canDeleteProperty().get()).isFalse();
        assertThat(deletion.deletedProperty().get()).isFalse();
        assertThat(fixture.session.isSignedIn()).isTrue();
        assertThat(fixture.api.accountDeleted).isFalse();
        assertThat(forgotten).isEmpty();
    }

    @Test
    void aDeletedAccountIsSignedOutAndForgottenOnThisComputer() throws Exception {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        List<String> forgotten = new ArrayList<>();
        DeleteAccountViewModel deletion = accountWithClock(fixture, forgotten).deletion();
        String server = fixture.session.server().toString();
        assertThat(fixture.tokens.read(server)).isPresent();
        deletion.confirmationProperty().set("ana@example.com");
        deletion.passwordProperty().set(fixture.api.password);

        deletion.delete();

        assertThat(fixture.api.accountDeleted).isTrue();
        assertThat(deletion.deletedProperty().get()).isTrue();
        assertThat(deletion.passwordProperty().get())
                .as("the password is not kept around")
                .isEmpty();
        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(forgotten).containsExactly(fixture.api.user.id().toString());
        assertThat(fixture.tokens.read(server)).isEmpty();
        assertThat(fixture.snapshots.read(server)).isEmpty();
        assertThat(fixture.sessions.noticeProperty().get())
                .isEqualTo("Your account was deleted, and its gallery was removed from this computer.");
        assertThat(fixture.api.logouts).as("the token died with the account").isZero();
    }

    @Test
    void whenTheLocalCopyCannotBeRemovedTheNoticeSaysSo() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        AccountViewModel account = new AccountViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                owner -> {
                    throw new IOException("disk is read-only");
                },
                Clock.systemUTC());
        DeleteAccountViewModel deletion = account.deletion();
        deletion.confirmationProperty().set("DELETE");
        deletion.passwordProperty().set(fixture.api.password);

        deletion.delete();

        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(fixture.sessions.noticeProperty().get())
                .isEqualTo(
                        "Your account was deleted, but its gallery on this computer could not be removed: disk is read-only");
    }

    @Test
    void anUnreachableServerDeletesNothingAndSaysWhy() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        DeleteAccountViewModel deletion =
                accountWithClock(fixture, new ArrayList<>()).deletion();
        deletion.confirmationProperty().set("DELETE");
        deletion.passwordProperty().set(fixture.api.password);
        fixture.api.unreachable = true;

        deletion.delete();

        assertThat(deletion.errorProperty().get()).startsWith("The account was not deleted: ");
        assertThat(fixture.session.isSignedIn()).isTrue();
        deletion.delete();
        assertThat(deletion.errorProperty().get())
                .isEqualTo("The account can only be deleted while the server can be reached.");
    }

    private static AccountViewModel accountWithClock(SessionFixture fixture, List<String> forgotten) {
        return new AccountViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                forgotten::add,
                Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
    }
}
