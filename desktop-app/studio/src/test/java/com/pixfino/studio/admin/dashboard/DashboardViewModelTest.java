package com.pixfino.studio.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.admin.DashboardTargets;
import com.pixfino.studio.testsupport.FakeAdminApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private final FakeAdminApi admin = new FakeAdminApi();
    private final SimpleObjectProperty<DashboardTargets> targets =
            new SimpleObjectProperty<>(DashboardTargets.DEFAULTS);
    private DashboardViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir).signedIn();
        model = new DashboardViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                api -> admin,
                fixture.messages,
                targets,
                Clock.fixed(Instant.parse("2026-11-28T09:05:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theCardsSayTheServersFiguresAndTheChartsCarryThemUnchanged() {
        model.refresh();

        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.NONE);
        assertThat(model.registeredUsers()).isEqualTo("12");
        assertThat(model.registeredUsersDetail()).isEqualTo("3 new this week");
        assertThat(model.activeUsers()).isEqualTo("6");
        assertThat(model.activeUsersDetail()).isEqualTo("of 12 in total (50 %)");
        assertThat(model.generations()).isEqualTo("2");
        assertThat(model.generationsDetail()).isEqualTo("9 this week \u00b7 15 in all");
        assertThat(model.paidSubscriptions()).isEqualTo("3");
        assertThat(model.updatedProperty().get()).isNotEmpty();

        DashboardViewModel.Charts charts = model.chartsProperty().get();
        assertThat(charts.usersByTier().series().get(0).points())
                .extracting(ChartData.Point::label, ChartData.Point::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Free", 8.0),
                        org.assertj.core.groups.Tuple.tuple("Starter", 2.0),
                        org.assertj.core.groups.Tuple.tuple("Pro", 1.0),
                        org.assertj.core.groups.Tuple.tuple("Business", 1.0));
        assertThat(charts.credits().series().get(0).points())
                .extracting(ChartData.Point::value)
                .containsExactly(500.0, 200.0, 120.0, 20.0, -4.0, 6.0, 590.0);
        assertThat(charts.generationsByStatus().series().get(0).points())
                .extracting(ChartData.Point::value)
                .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(charts.creditsSpent().series()).hasSize(2);
        assertThat(charts.creditsSpent().series().get(0).points()).hasSize(DashboardViewModel.DAYS);
        assertThat(charts.creditsSpent().series().get(0).points().get(0).label())
                .isEqualTo("30 Oct");
        assertThat(charts.creditsSpent().series().get(1).target()).isTrue();
        assertThat(charts.creditsSpent().series().get(1).points())
                .extracting(ChartData.Point::value)
                .containsOnly(160.0);
        assertThat(charts.cost().series()).extracting(ChartData.Series::name).containsExactly("Estimated", "Actual");
        assertThat(charts.cost().series().get(0).points().get(0).value()).isEqualTo(0.27);
    }

    @Test
    void aChangedTargetRedrawsItsLineWithoutAskingTheServer() {
        model.refresh();
        int calls = admin.statsCalls;

        targets.set(new DashboardTargets(10, 25, 300));

        DashboardViewModel.Charts charts = model.chartsProperty().get();
        assertThat(charts.newUsers().series().get(1).points())
                .extracting(ChartData.Point::value)
                .containsOnly(10.0);
        assertThat(charts.dailyGenerations().series().get(1).name()).isEqualTo("Target (25 a day)");
        assertThat(charts.creditsSpent().series().get(1).points())
                .extracting(ChartData.Point::value)
                .containsOnly(300.0);
        assertThat(admin.statsCalls).isEqualTo(calls);
    }

    @Test
    void aRefusalIsSaidInTheServersWordsAndTheCardsStayEmpty() {
        admin.failure = FakeAdminApi.refused(403, "forbidden", "Not an administrator's session.");

        model.refresh();

        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(model.status().messageProperty().get())
                .startsWith("The dashboard could not be read:")
                .contains("Not an administrator's session.");
        assertThat(model.registeredUsers()).isEqualTo("\u2013");
        assertThat(model.status().isBusy()).isFalse();
    }

    @Test
    void offlineItSaysSoAndKeepsTheFiguresItHas() {
        model.refresh();
        fixture.sessions.callFailed(new ConnectException("refused"));
        int calls = admin.statsCalls;

        model.refresh();

        assertThat(admin.statsCalls).isEqualTo(calls);
        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.INFO);
        assertThat(model.status().messageProperty().get())
                .startsWith("The server cannot be reached: these are the figures of");
        assertThat(model.registeredUsers()).isEqualTo("12");
    }

    @Test
    void signingOutForgetsTheFigures() {
        model.refresh();

        fixture.sessions.signOut();

        assertThat(model.statsProperty().get()).isNull();
        assertThat(model.chartsProperty().get().usersByTier().series()).isEmpty();
    }

    @Test
    void theReferralFiguresShowWhenTheServerSendsThem() {
        model.refresh();
        assertThat(model.referralsProperty().get()).isNull(); // an older server: the card hides

        admin.referrals = new com.pixfino.studio.core.admin.ReferralFigures(1234, 56, 560);
        model.refresh();

        assertThat(model.referralsJoined()).isEqualTo("1,234");
        assertThat(model.referralsRewarded()).isEqualTo("56");
        assertThat(model.referralsCredits()).isEqualTo("560");
        fixture.sessions.signOut();
        assertThat(model.referralsProperty().get()).isNull();
    }
}
