package com.pixfino.studio.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private PresetBrowserViewModel presets;
    private CreateViewModel viewModel;
    private CreateFixture create;
    private final AtomicInteger plansShown = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SessionFixture(dir, tasks);
        create = new CreateFixture(fixture, dir);
        presets = create.presets();
        viewModel = create.create(presets, plansShown::incrementAndGet);
        fixture.signedIn();
    }

    @AfterEach
    void closeStore() {
        create.close();
    }

    @Test
    void showsTheCostAndTheBalanceAfterBeforeSpending() {
        assertThat(presets.allPresets()).hasSize(5); // loaded when the session came online
        assertThat(viewModel.costText().get()).isEqualTo("\u2014");

        presets.select(TestPresets.SNOW_PRINCESS);

        assertThat(viewModel.costText().get()).isEqualTo("4 credits");
        assertThat(viewModel.balanceAfterText().get()).isEqualTo("1 credit");
        presets.select(TestPresets.RUNWAY_REEL);
        assertThat(viewModel.balanceAfterText().get()).isEqualTo("33 credits short");
    }

    @Test
    void generatesOnlyWithAPhotoAPresetAndEnoughCredits() {
        assertThat(viewModel.canGenerateProperty().get()).isFalse();
        assertThat(viewModel.blockerProperty().get()).contains("Drop or choose a photo");

        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        assertThat(viewModel.blockerProperty().get()).contains("Pick a style");

        presets.select(TestPresets.RUNWAY_REEL);
        assertThat(viewModel.blockerProperty().get())
                .isEqualTo("This style costs 38 credits and you have 5. Buy credits or pick a cheaper style.");

        presets.select(TestPresets.SNOW_PRINCESS);
        assertThat(viewModel.canGenerateProperty().get()).isTrue();
    }

    @Test
    void proPresetsAreLockedForFreeWithTheReason() {
        presets.select(TestPresets.VOGUE);

        assertThat(presets.lockReason(TestPresets.VOGUE))
                .hasValueSatisfying(
                        reason -> assertThat(reason)
                                .isEqualTo(
                                        "Vogue Cover is a PRO style: it needs a Starter plan or above. Your Free plan can use every other style."));
        assertThat(presets.lockReason(TestPresets.SNOW_PRINCESS)).isEmpty();
        assertThat(viewModel.blockerProperty().get()).contains("PRO style");
    }

    @Test
    void aPaidTierUnlocksProPresets() {
        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.STARTER, 40);
        fixture.sessions.refreshUser();

        assertThat(presets.lockReason(TestPresets.VOGUE)).isEmpty();
    }

    @Test
    void refusesAnUnsupportedPhotoWithAMessageAndUploadsNothing() {
        viewModel.choosePhoto(PhotoFiles.text(dir, "notes.jpg", "hello"));

        assertThat(viewModel.photoProperty().get()).isNull();
        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo(
                        "notes.jpg is not a JPEG, PNG or WebP image (checked by its content, not its name). Convert it and try again.");
        assertThat(fixture.api.uploads).isZero();
    }

    @Test
    void refusesAnOversizedPhotoBeforeUploading() {
        viewModel.choosePhoto(PhotoFiles.pngHeaderOnly(dir, "panorama.png", 12_000, 5_000));

        assertThat(viewModel.photoProperty().get()).isNull();
        assertThat(viewModel.statusProperty().get())
                .isEqualTo(
                        "This photo is 12000 × 5000 pixels; the limit is 50 megapixels. Scale it down and try again.");
    }

    @Test
    void generateUploadsOnceChargesAndHandsTheJobToTheQueue() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        viewModel.promptProperty().set("  soft window light ");

        viewModel.generate();

        assertThat(create.queued).hasSize(1);
        assertThat(fixture.api.generations.get(create.queued.get(0)).prompt()).isEqualTo("soft window light");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(1);
        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.SUCCESS);
        assertThat(viewModel.statusProperty().get()).startsWith("Snow Princess is queued; 4 credits were charged.");
        assertThat(fixture.api.sentKeys).hasSize(1).doesNotContainNull();

        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 8);
        fixture.sessions.refreshUser();
        presets.select(TestPresets.FILM_NOIR);
        viewModel.generate();

        assertThat(fixture.api.uploads).isEqualTo(1); // the same photo is not uploaded twice
        assertThat(fixture.api.sentKeys).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aRetryAfterANetworkErrorReusesTheKeyAndIsChargedOnce() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        fixture.api.loseNextCreateAnswer = true;

        viewModel.generate();

        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(viewModel.statusProperty().get()).contains("Press Generate again to retry");
        assertThat(create.queued).isEmpty();

        viewModel.generate();

        assertThat(fixture.api.sentKeys).hasSize(2);
        assertThat(fixture.api.sentKeys.get(1)).isEqualTo(fixture.api.sentKeys.get(0));
        assertThat(fixture.api.generations).hasSize(1);
        assertThat(fixture.api.user.credits()).isEqualTo(1);
        assertThat(create.queued)
                .containsExactly(fixture.api.generations.keySet().iterator().next());
    }

    @Test
    void aRefusalShowsTheServersSentenceAndForgetsTheKey() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        fixture.api.presets.set(0, TestPresets.VOGUE); // the server now refuses: a PRO preset for a Free user
        presets.select(TestPresets.SNOW_PRINCESS);
        fixture.api.presets.set(
                0,
                new com.pixfino.model.api.PresetView(
                        1,
                        "snow-princess",
                        "Snow Princess",
                        TestPresets.VOGUE.category(),
                        TestPresets.VOGUE.kind(),
                        "replicate",
                        "flux",
                        null,
                        4,
                        TestPresets.VOGUE.apiCostUsd(),
                        TestPresets.VOGUE.marginPercent(),
                        true,
                        true,
                        "",
                        "",
                        null,
                        0,
                        java.util.List.of("1:1"),
                        "1:1",
                        1));

        viewModel.generate();

        assertThat(viewModel.statusProperty().get())
                .isEqualTo("'Snow Princess' is a PRO preset: upgrade to Starter or above to use it.");
        assertThat(viewModel.upsellProperty().get())
                .as("the server's PRO refusal offers the plans")
                .isEqualTo(CreateViewModel.Upsell.PLAN);
        viewModel.generate();
        assertThat(fixture.api.sentKeys).doesNotHaveDuplicates();
    }

    @Test
    void aStyleTheBalanceCannotPayForOffersCreditsAndAProStyleOffersThePlans() {
        assertThat(viewModel.upsellProperty().get()).isEqualTo(CreateViewModel.Upsell.NONE);

        presets.select(TestPresets.RUNWAY_REEL);
        assertThat(viewModel.upsellProperty().get()).isEqualTo(CreateViewModel.Upsell.CREDITS);
        viewModel.showPlans();
        assertThat(plansShown).hasValue(1);

        presets.select(TestPresets.VOGUE);
        assertThat(viewModel.upsellProperty().get()).isEqualTo(CreateViewModel.Upsell.PLAN);

        presets.select(TestPresets.SNOW_PRINCESS);
        assertThat(viewModel.upsellProperty().get()).isEqualTo(CreateViewModel.Upsell.NONE);
    }

    @Test
    void aServerRefusalForCreditsOffersToBuySomeAndShowsTheRealBalance() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        fixture.api.setCredits(2); // spent elsewhere: the studio still shows 5
        assertThat(viewModel.canGenerateProperty().get()).isTrue();

        viewModel.generate();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Not enough credits: this costs 4.");
        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(viewModel.upsellProperty().get()).isEqualTo(CreateViewModel.Upsell.CREDITS);
        assertThat(fixture.session.creditsProperty().get())
                .as("read again after the 402")
                .isEqualTo(2);
        viewModel.showPlans();
        assertThat(plansShown).hasValue(1);
    }

    @Test
    void offlineGenerateWaitsForTheConnectionAndIsSentOnceWhenItIsBack() throws Exception {
        Path photo = PhotoFiles.jpeg(dir, "me.jpg", 800, 1000);
        viewModel.choosePhoto(photo);
        presets.select(TestPresets.SNOW_PRINCESS);
        viewModel.promptProperty().set("soft light");
        fixture.api.unreachable = true;
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        assertThat(viewModel.canGenerateProperty().get()).isTrue();
        assertThat(viewModel.hintProperty().get())
                .isEqualTo("Offline: Generate keeps the request in the Queue and sends it when the connection is back;"
                        + " credits are charged then. Offline: checked against the last known balance (5 credits).");

        viewModel.generate();

        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.SUCCESS);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("Snow Princess is waiting for the connection: it is sent, and charged, once the server is"
                        + " back. See it in the Queue (Ctrl+2).");
        assertThat(create.waiting.requests()).singleElement().satisfies(request -> {
            assertThat(request.presetName()).isEqualTo("Snow Princess");
            assertThat(request.prompt()).isEqualTo("soft light");
            assertThat(request.credits()).isEqualTo(4);
            assertThat(request.photo()).isNotEqualTo(photo).exists();
        });
        assertThat(fixture.api.sentKeys).isEmpty();
        assertThat(create.queued).isEmpty();
        assertThat(viewModel.balanceAfterText().get())
                .as("the waiting request will cost its credits")
                .isEqualTo("3 credits short");
        assertThat(viewModel.canGenerateProperty().get()).isFalse();
        assertThat(viewModel.blockerProperty().get())
                .isEqualTo("This style costs 4 credits; the last known balance leaves 1 after the requests already"
                        + " waiting. Pick a cheaper style, or buy credits once the connection is back.");
        String key = create.waiting.requests().get(0).idempotencyKey();

        fixture.api.unreachable = false;
        fixture.sessions.callSucceeded(); // a call went through: online again

        assertThat(fixture.api.sentKeys).containsExactly(key);
        assertThat(create.queued).containsExactlyElementsOf(fixture.api.generations.keySet());
        assertThat(create.waiting.requests()).isEmpty();
        assertThat(create.pending.list(fixture.session.ownerId())).isEmpty();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(1);
        assertThat(create.waiting.noticeProperty().get()).isEqualTo("1 waiting request was sent to the server.");
        assertThat(viewModel.statusProperty().get())
                .as("no longer waiting: the old words go")
                .isEmpty();
    }

    @Test
    void aStudioThatOpensOfflineSaysSoRatherThanAskingToSignIn() throws Exception {
        fixture.sessions.signOut();
        fixture.tokens.write(SessionFixture.SERVER, com.pixfino.studio.testsupport.FakeCompanionApi.TOKEN);

        fixture.sessions.connectionSettled(com.pixfino.studio.core.connection.ConnectionState.OFFLINE);

        assertThat(fixture.session.isSignedIn()).isTrue();
        assertThat(viewModel.hintProperty().get())
                .startsWith("Offline: Generate keeps the request in the Queue")
                .endsWith("Drop or choose a photo to start.");
    }

    @Test
    void aStudioThatStartsOfflineOffersTheStylesTheServerSentLastTime() throws Exception {
        fixture.sessions.signOut(); // the studio closes; the catalog was kept when it was read
        fixture.tokens.write(SessionFixture.SERVER, com.pixfino.studio.testsupport.FakeCompanionApi.TOKEN);
        PresetBrowserViewModel restarted = create.presets();

        fixture.sessions.connectionSettled(com.pixfino.studio.core.connection.ConnectionState.OFFLINE);

        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(restarted.allPresets()).containsExactlyElementsOf(TestPresets.all());
        restarted.select(TestPresets.SNOW_PRINCESS);

        fixture.api.presets.remove(TestPresets.SNOW_PRINCESS); // retired on the server meanwhile
        fixture.sessions.connectionSettled(com.pixfino.studio.core.connection.ConnectionState.CONNECTED);

        assertThat(restarted.allPresets()).doesNotContain(TestPresets.SNOW_PRINCESS);
        assertThat(restarted.selectedProperty().get())
                .as("a style the server no longer has is not kept selected")
                .isNull();
    }

    @Test
    void searchAndCategoriesFilterThePresets() {
        presets.searchProperty().set("noir");
        assertThat(presets.visiblePresets()).containsExactly(TestPresets.FILM_NOIR);

        presets.searchProperty().set("");
        presets.categoryProperty().set(com.pixfino.model.PresetCategory.FASHION);
        assertThat(presets.visiblePresets()).containsExactly(TestPresets.VOGUE, TestPresets.RUNWAY_REEL);

        presets.searchProperty().set("video");
        assertThat(presets.visiblePresets()).containsExactly(TestPresets.RUNWAY_REEL);

        presets.searchProperty().set("nothing like this");
        assertThat(presets.statusProperty().get()).startsWith("No style matches");
    }

    @Test
    void aPhotoStillBeingCheckedAtSignOutIsNotKept() {
        tasks.hold();
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        assertThat(viewModel.checkingPhotoProperty().get()).isTrue();

        fixture.sessions.signOut();
        tasks.runHeld();

        assertThat(viewModel.photoProperty().get()).isNull();
        assertThat(viewModel.checkingPhotoProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEmpty();
    }

    @Test
    void fourTakesIn916ShowTheirTotalAndGoAsFourRequestsOfOneGroup() {
        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 100);
        fixture.sessions.refreshUser();
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        assertThat(viewModel.formatProperty().get()).isEqualTo(AspectRatio.SQUARE); // the preset's default
        assertThat(viewModel.supportsFormat(AspectRatio.PORTRAIT_4_5)).isFalse();

        viewModel.chooseFormat(AspectRatio.PORTRAIT_4_5); // not this preset's: ignored
        viewModel.chooseFormat(AspectRatio.STORY);
        viewModel.takesProperty().set(4);

        assertThat(viewModel.costText().get()).isEqualTo("4 takes \u00b7 16 credits");
        assertThat(viewModel.balanceAfterText().get()).isEqualTo("84 credits");
        viewModel.generate();

        assertThat(create.queued).hasSize(4);
        List<GenerationView> made =
                create.queued.stream().map(fixture.api.generations::get).toList();
        assertThat(made).extracting(GenerationView::aspectRatio).containsOnly("9:16");
        assertThat(made)
                .extracting(GenerationView::groupId)
                .doesNotContainNull()
                .containsOnly(made.get(0).groupId());
        assertThat(made).extracting(GenerationView::seed).doesNotHaveDuplicates();
        assertThat(fixture.api.uploads).isEqualTo(1);
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(84);
    }

    @Test
    void takesTheBalanceCannotPayForAreRefusedBeforeAnythingIsSent() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        viewModel.takesProperty().set(2);

        assertThat(viewModel.canGenerateProperty().get()).isFalse();
        assertThat(viewModel.blockerProperty().get())
                .isEqualTo("This style costs 8 credits and you have 5. Buy credits or pick a cheaper style.");
        assertThat(viewModel.balanceAfterText().get()).isEqualTo("3 credits short");
        viewModel.generate();
        assertThat(fixture.api.sentKeys).isEmpty();
    }

    @Test
    void aLockedSeedIsCheckedAndGivesTakeITheSeedPlusI() {
        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 100);
        fixture.sessions.refreshUser();
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        viewModel.lockSeedProperty().set(true);
        assertThat(viewModel.seedTextProperty().get()).matches("\\d+"); // a seed is always shown

        viewModel.seedTextProperty().set("2147483648");
        assertThat(viewModel.seedErrorProperty().get()).isEqualTo("A seed is a whole number from 0 to 2147483647.");
        assertThat(viewModel.canGenerateProperty().get()).isFalse();

        viewModel.seedTextProperty().set("1234");
        viewModel.takesProperty().set(3);
        assertThat(viewModel.seedErrorProperty().get()).isEmpty();
        viewModel.generate();

        assertThat(create.queued.stream().map(fixture.api.generations::get).map(GenerationView::seed))
                .containsExactly(1234L, 1235L, 1236L);
        String before = viewModel.seedTextProperty().get();
        viewModel.rollSeed();
        assertThat(viewModel.seedTextProperty().get()).matches("\\d+");
        assertThat(before).isEqualTo("1234");
    }
}
