package com.pixfino.studio.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.Page;
import com.pixfino.studio.core.admin.UsersQuery;
import com.pixfino.studio.core.admin.UsersSort;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.FakeAdminApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeAdminApi admin = new FakeAdminApi();
    private final AdminUserView ada = FakeAdminApi.user("Ada Lovelace", Tier.PRO, 100, AccountStatus.ACTIVE);
    private final AdminUserView alan = FakeAdminApi.user("Alan Turing", Tier.FREE, 5, AccountStatus.SUSPENDED);
    private SessionFixture fixture;
    private UsersViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        model = new UsersViewModel(
                tasks, fixture.session, fixture.sessions, api -> admin, fixture.messages, ZoneOffset.UTC);
        admin.userPages.add(new Page<>(List.of(ada, alan), null));
    }

    @Test
    void typingIsSentOnceItPausesAndFiltersAndSortAskTheServerFromTheFirstPage() {
        model.refresh();
        assertThat(admin.userQueries).containsExactly(UsersQuery.ALL);

        model.searchProperty().set("a");
        model.searchProperty().set("ad");
        model.searchProperty().set("ada");
        assertThat(tasks.scheduledDelays()).containsExactly(UsersViewModel.DEBOUNCE);
        assertThat(admin.userQueries).hasSize(1);
        tasks.runScheduled();
        assertThat(admin.userQueries).last().isEqualTo(UsersQuery.ALL.withSearch("ada"));

        model.tierProperty().set(Tier.PRO);
        model.accountStatusProperty().set(AccountStatus.ACTIVE);
        model.sortBy(UsersSort.CREDITS, false);

        assertThat(admin.userQueries)
                .last()
                .isEqualTo(new UsersQuery("ada", Tier.PRO, AccountStatus.ACTIVE, UsersSort.CREDITS, false));
        assertThat(admin.userCursors).containsOnlyNulls();
        model.sortBy(null, true);
        assertThat(admin.userQueries.get(admin.userQueries.size() - 1).sort()).isEqualTo(UsersSort.JOINED);
    }

    @Test
    void loadMoreFollowsTheServersCursorAndAppends() {
        admin.userPages.clear();
        admin.userPages.add(new Page<>(List.of(ada), "next-1"));
        admin.userPages.add(new Page<>(List.of(alan), null));

        model.refresh();
        assertThat(model.moreProperty().get()).isTrue();
        model.loadMore();

        assertThat(admin.userCursors).containsExactly(null, "next-1");
        assertThat(model.users()).containsExactly(ada, alan);
        assertThat(model.moreProperty().get()).isFalse();
    }

    @Test
    void theAdjustmentShowsTheBalanceItLeadsToAndRefusesBelowZeroWithoutAsking() {
        model.refresh();
        CreditAdjustment form = model.adjustment();
        model.adjust(ada);

        form.amountProperty().set("+25");
        assertThat(form.previewProperty().get()).isEqualTo("Balance: 100 \u2192 125 credits after saving.");
        assertThat(form.canSaveProperty().get()).isFalse(); // no reason yet
        form.reasonProperty().set("Goodwill");
        assertThat(form.canSaveProperty().get()).isTrue();

        form.amountProperty().set("\u2212150");
        assertThat(form.previewProperty().get()).isEqualTo("The balance cannot go below zero: it is 100 credits now.");
        assertThat(form.belowZero()).isTrue();
        form.save();
        assertThat(form.errorProperty().get()).isEqualTo("The balance cannot go below zero: it is 100 credits now.");
        assertThat(admin.adjustments).isEmpty();

        form.amountProperty().set("-40");
        form.save();

        assertThat(admin.adjustments).containsExactly(ada.id() + " -40 Goodwill");
        assertThat(form.userProperty().get()).isNull();
        assertThat(model.users().get(0).credits()).isEqualTo(60);
        assertThat(model.status().messageProperty().get())
                .isEqualTo("Removed 40 credits from Ada Lovelace: the balance is 60.");
    }

    @Test
    void theServersRefusalStaysInTheFormAndAReasonIsRequired() {
        model.refresh();
        CreditAdjustment form = model.adjustment();
        model.adjust(ada);
        form.amountProperty().set("10");
        form.save();
        assertThat(form.errorProperty().get()).isEqualTo("Say why: the reason goes into the audit log.");
        form.amountProperty().set("ten");
        form.reasonProperty().set("Test");
        form.save();
        assertThat(form.errorProperty().get()).startsWith("Enter a whole number of credits");

        admin.failure = FakeAdminApi.refused(400, "invalid_reason", "The reason is at most 500 characters.");
        form.amountProperty().set("10");
        form.save();

        assertThat(form.errorProperty().get())
                .isEqualTo("The credits were not changed: The reason is at most 500 characters.");
        assertThat(form.userProperty().get()).isEqualTo(ada); // still open, as typed
        assertThat(form.amountProperty().get()).isEqualTo("10");
        form.cancel();
        assertThat(form.userProperty().get()).isNull();
    }

    @Test
    void suspendingNeedsAReasonAndTheOwnAccountIsNeverOffered() {
        model.refresh();
        Suspension form = model.suspension();
        model.suspendOrUnsuspend(ada);
        assertThat(form.suspending()).isTrue();
        assertThat(form.canConfirmProperty().get()).isFalse();
        form.reasonProperty().set("Chargeback fraud");
        admin.suspendAnswer = new AdminUserView(
                ada.id(), ada.email(), ada.name(), Role.USER, Tier.PRO, 100, 3, "SUSPENDED", ada.joinedAt(), null);
        form.confirm();

        assertThat(admin.suspensions).containsExactly("suspend " + ada.id() + " Chargeback fraud");
        assertThat(model.users().get(0).status()).isEqualTo("SUSPENDED");
        assertThat(model.status().messageProperty().get()).isEqualTo("Ada Lovelace is suspended.");

        model.suspendOrUnsuspend(alan);
        assertThat(form.suspending()).isFalse();
        assertThat(form.canConfirmProperty().get()).isTrue(); // lifting needs no reason

        AdminUserView self = new AdminUserView(
                fixture.api.user.id(), "ana@example.com", "Ana", Role.ADMIN, Tier.FREE, 5, 0, "ACTIVE", null, null);
        form.cancel();
        assertThat(model.isSelf(self)).isTrue();
        model.suspendOrUnsuspend(self);
        assertThat(form.userProperty().get()).isNull();
    }

    @Test
    void aFailedReadIsSaidOnTheStatusLine() {
        admin.failure = FakeAdminApi.refused(400, "invalid_cursor", "The cursor was edited.");

        model.refresh();

        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(model.status().messageProperty().get())
                .isEqualTo("The accounts could not be read: The cursor was edited. Press F5 to try again.");
    }
}
