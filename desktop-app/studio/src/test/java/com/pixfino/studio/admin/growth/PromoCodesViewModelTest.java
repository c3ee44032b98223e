package com.pixfino.studio.admin.growth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.admin.NewPromoCode;
import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.testsupport.FakeGrowthApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoCodesViewModelTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private FakeGrowthApi growth;
    private PromoCodesViewModel model;

    @BeforeEach
    void setUp() {
        GrowthFixture growthFixture = new GrowthFixture(dir);
        fixture = growthFixture.session;
        growth = growthFixture.growth;
        model = growthFixture.promoCodes();
    }

    @Test
    void theFormStartsValidFromNowFor48Hours() {
        PromoCodeForm form = model.form();

        assertThat(form.codeProperty().get()).isEmpty();
        assertThat(form.creditsProperty().get()).isEqualTo("10");
        assertThat(form.maxRedemptionsProperty().get()).isEqualTo("100");
        assertThat(form.from().dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(form.from().timeProperty().get()).isEqualTo("9:05");
        assertThat(form.to().dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(form.to().timeProperty().get()).isEqualTo("9:05");
        assertThat(form.codeErrorProperty().get()).isEmpty(); // nothing is called out before Create
    }

    @Test
    void aCodeIsCreatedWithTheWindowAndGoesOnTopOfTheList() {
        growth.codes.add(FakeGrowthApi.code("OLDER", 3, 100, PromoCode.Status.ACTIVE));
        model.refresh();
        PromoCodeForm form = model.form();
        form.codeProperty().set("launch50");
        form.creditsProperty().set("50");
        form.maxRedemptionsProperty().set(" 250 ");
        form.to().timeProperty().set("18:00");

        model.create();

        assertThat(growth.created)
                .containsExactly(new NewPromoCode(
                        "launch50",
                        50,
                        250,
                        Instant.parse("2026-11-28T09:05:00Z"),
                        Instant.parse("2026-11-30T18:00:00Z")));
        assertThat(model.codes()).extracting(PromoCode::code).containsExactly("LAUNCH50", "OLDER");
        assertThat(model.status().messageProperty().get())
                .isEqualTo("Created LAUNCH50: 50 credits, up to 250 redemptions.");
        assertThat(model.createdProperty().get()).isEqualTo("Created LAUNCH50: 50 credits, up to 250 redemptions.");
        assertThat(form.codeProperty().get()).isEmpty(); // ready for the next one
        form.codeProperty().set("N");
        assertThat(model.createdProperty().get()).isEmpty();
        assertThat(model.redemptionsText(model.codes().get(1))).isEqualTo("3 / 100");
        assertThat(model.statusText(model.codes().get(0))).isEqualTo("Active");
        java.time.format.DateTimeFormatter shortForm =
                java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT);
        assertThat(model.windowText(model.codes().get(1)))
                .isEqualTo(shortForm.format(
                                Instant.parse("2026-11-28T10:00:00Z").atZone(ZoneOffset.UTC)) + " \u2192 "
                        + shortForm.format(Instant.parse("2026-11-30T10:00:00Z").atZone(ZoneOffset.UTC)));
    }

    @Test
    void everyFieldIsCheckedInlineAndNothingIsSentWhileOneIsWrong() {
        PromoCodeForm form = model.form();
        form.codeProperty().set("no spaces!");
        form.creditsProperty().set("0");
        form.maxRedemptionsProperty().set("1000001");
        form.to().dateProperty().set(LocalDate.of(2026, 11, 27));

        assertThat(form.codeErrorProperty().get()).isEqualTo("3 to 32 letters, digits, - or _ (no spaces).");
        assertThat(form.creditsErrorProperty().get()).isEqualTo("A whole number from 1 to 10,000.");
        assertThat(form.maxErrorProperty().get()).isEqualTo("A whole number from 1 to 1,000,000.");
        assertThat(form.windowErrorProperty().get()).isEqualTo("The end must come after the start.");
        form.from().timeProperty().set("25:00");
        assertThat(form.windowErrorProperty().get())
                .isEqualTo("Pick a day and type a time such as 14:30 for both ends.");

        model.create();
        assertThat(growth.created).isEmpty();
    }

    @Test
    void anEmptyCodeIsCalledOutOnCreate() {
        model.create();

        assertThat(model.form().codeErrorProperty().get()).isEqualTo("Type a code.");
        assertThat(growth.created).isEmpty();
    }

    @Test
    void aTakenCodeIsSaidBesideTheCode() {
        growth.codes.add(FakeGrowthApi.code("LAUNCH50", 0, 100, PromoCode.Status.ACTIVE));
        model.form().codeProperty().set("Launch50");

        model.create();

        assertThat(model.form().codeErrorProperty().get()).isEqualTo("A promo code LAUNCH50 exists already.");
        assertThat(model.creatingProperty().get()).isFalse();
        model.form().codeProperty().set("LAUNCH51");
        assertThat(model.form().codeErrorProperty().get()).isEmpty();
    }

    @Test
    void expireIsAskedFirstThenTheRowShowsTheNewStatus() {
        growth.codes.add(FakeGrowthApi.code("LAUNCH50", 3, 100, PromoCode.Status.ACTIVE));
        growth.codes.add(FakeGrowthApi.code("GONE", 3, 3, PromoCode.Status.USED_UP));
        model.refresh();

        model.askExpire(model.codes().get(1));
        assertThat(model.pendingExpireProperty().get()).isNull(); // a used-up code has nothing left to end
        model.askExpire(model.codes().get(0));
        assertThat(model.expireQuestion().get())
                .isEqualTo("Expire LAUNCH50 now? It stops working at once; the 3 redemptions made so far keep"
                        + " their credits.");
        model.cancelExpire();
        assertThat(model.expireQuestion().get()).isEmpty();
        assertThat(model.codes().get(0).status()).isEqualTo(PromoCode.Status.ACTIVE);

        model.askExpire(model.codes().get(0));
        model.confirmExpire();

        assertThat(model.codes().get(0).status()).isEqualTo(PromoCode.Status.EXPIRED);
        assertThat(model.statusText(model.codes().get(0))).isEqualTo("Expired");
        assertThat(model.status().messageProperty().get())
                .isEqualTo("LAUNCH50 has expired: it can no longer be redeemed.");
    }

    @Test
    void aFailedListSaysWhyAndSigningOutForgetsTheCodes() {
        growth.failure = new CompanionApiException(403, "forbidden", "Only administrators can do that.");
        model.refresh();
        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(model.status().messageProperty().get())
                .isEqualTo("Could not load the promo codes: Only administrators can do that.");

        growth.codes.add(FakeGrowthApi.code("LAUNCH50", 3, 100, PromoCode.Status.ACTIVE));
        model.refresh();
        assertThat(model.codes()).hasSize(1);
        fixture.sessions.signOut();
        assertThat(model.codes()).isEmpty();
    }
}
