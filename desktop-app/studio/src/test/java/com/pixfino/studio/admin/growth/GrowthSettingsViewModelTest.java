package com.pixfino.studio.admin.growth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.admin.GrowthSettings;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.testsupport.FakeGrowthApi;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthSettingsViewModelTest {

    @TempDir
    Path dir;

    private FakeGrowthApi growth;
    private GrowthSettingsViewModel model;

    @BeforeEach
    void setUp() {
        GrowthFixture growthFixture = new GrowthFixture(dir);
        growth = growthFixture.growth;
        model = growthFixture.settings();
    }

    @Test
    void theStoredSettingsShowAndNothingIsSavedUntilSomethingChanged() {
        assertThat(model.loadedProperty().get()).isFalse();
        model.refresh();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.referralsEnabledProperty().get()).isFalse();
        assertThat(model.creditsProperty().get()).isEqualTo("5");
        assertThat(model.capProperty().get()).isEqualTo("20");
        assertThat(model.promoProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();

        model.referralsEnabledProperty().set(true);
        assertThat(model.canSaveProperty().get()).isTrue();
        model.referralsEnabledProperty().set(false);
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void switchingReferralsOnSendsAllFiveSettings() {
        model.refresh();
        model.referralsEnabledProperty().set(true);
        model.creditsProperty().set("7");
        model.capProperty().set("0");

        model.save();

        assertThat(growth.saved).containsExactly(new GrowthSettings(true, 7, 0, null, null));
        assertThat(model.status().messageProperty().get())
                .isEqualTo("Saved: referrals are on, 7 credits each side, at most 0 rewarded referees per referrer a"
                        + " month.");
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void theLaunchPromoProposes48HoursFromNowAndSendsTheWindow() {
        model.refresh();
        model.promoProperty().set(true);

        assertThat(model.promoFrom().dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(model.promoFrom().timeProperty().get()).isEqualTo("9:00");
        assertThat(model.promoTo().dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));
        model.save();

        assertThat(growth.saved)
                .containsExactly(new GrowthSettings(
                        false, 5, 20, Instant.parse("2026-11-28T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z")));
        assertThat(model.promoProperty().get()).isTrue();
    }

    @Test
    void wrongValuesAreCalledOutInlineAndBlockSaving() {
        model.refresh();
        model.creditsProperty().set("0");
        model.capProperty().set("10001");
        model.promoProperty().set(true);
        model.promoTo().dateProperty().set(LocalDate.of(2026, 11, 1));

        assertThat(model.creditsErrorProperty().get()).isEqualTo("A whole number from 1 to 1,000.");
        assertThat(model.capErrorProperty().get()).isEqualTo("A whole number from 0 to 10,000.");
        assertThat(model.windowErrorProperty().get()).isEqualTo("The end must come after the start.");
        assertThat(model.canSaveProperty().get()).isFalse();
        assertThat(model.changedProperty().get()).isTrue(); // Revert can undo wrong values
        model.save();
        assertThat(growth.saved).isEmpty();

        model.revert();
        assertThat(model.changedProperty().get()).isFalse();
        assertThat(model.creditsProperty().get()).isEqualTo("5");
        assertThat(model.promoProperty().get()).isFalse();
        assertThat(model.creditsErrorProperty().get()).isEmpty();
        assertThat(model.windowErrorProperty().get()).isEmpty();
    }

    @Test
    void aStoredPromoWindowShowsAndCanBeSwitchedOff() {
        growth.settings = new GrowthSettings(
                true, 5, 20, Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-03T08:00:00Z"));
        model.refresh();
        assertThat(model.promoProperty().get()).isTrue();
        assertThat(model.promoFrom().timeProperty().get()).isEqualTo("8:00");

        model.promoProperty().set(false);
        model.save();

        assertThat(growth.saved).containsExactly(new GrowthSettings(true, 5, 20, null, null));
    }

    @Test
    void aRefusedSaveKeepsWhatWasTypedAndSaysWhy() {
        model.refresh();
        model.referralsEnabledProperty().set(true);
        growth.failure = new CompanionApiException(400, "invalid", "referralCredits: from 1 to 1000.");

        model.save();

        assertThat(model.status().messageProperty().get())
                .isEqualTo("Could not save the settings: referralCredits: from 1 to 1000.");
        assertThat(model.referralsEnabledProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
    }
}
