package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.account.StorageViewModel;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.settings.SettingsFile;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.settings.SettingsStore;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.StudioHarness;
import com.pixfino.studio.theme.ThemeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The originals cache on the account screen's "Storage": the cap typed with the keyboard applies at once and is saved
 * in the settings file, a bad value is named and changes nothing, and "Clear originals" (after a question) removes the
 * full-size files and keeps the thumbnails.
 */
class OriginalsStorageTest {

    private static final long GB = 1024L * 1024 * 1024;

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private StudioHarness studio;

    @Test
    void theCapIsTypedAppliedAndSavedAndClearingRemovesOriginalsButKeepsThumbnails(@TempDir Path home)
            throws Exception {
        studio = real.open(home);
        studio.register("Sol", "storage@example.com", "Sunset-Lake-42");
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home.resolve("Pictures"), "selfie.jpg"));
        studio.click("preset-snow-princess");
        studio.click("generate");
        Awaitility.await("the result in the library")
                .atMost(Duration.ofSeconds(40))
                .until(() -> library() != null && library().count(LibraryQuery.ALL) == 1);
        UUID id = library().ids(LibraryQuery.ALL).get(0);
        Path original = library().original(id); // opened once: kept on this computer
        Path thumbnail = library().thumbnail(id).orElseThrow();
        long kept = library().originalsSize();
        assertThat(kept).isPositive();

        studio.click("nav-account");
        studio.click("account-tab-storage");
        studio.await(
                "the usage",
                () -> studio.text("account-storage-usage")
                        .equals("Originals on this computer: " + StorageViewModel.readable(kept)));
        assertThat(capText()).isEqualTo("2.0");

        typeCap("3.5");
        studio.robot().type(KeyCode.ENTER);
        studio.await("the cap taken", () -> capText().equals("3.5"));
        assertThat(capBytes()).isEqualTo(Math.round(3.5 * GB));
        Awaitility.await("the cap saved in the settings file")
                .atMost(Duration.ofSeconds(5))
                .until(() -> savedCap() == Math.round(3.5 * GB));
        Awaitility.await("the cap applied to the library")
                .atMost(Duration.ofSeconds(5))
                .until(() -> ((LibraryCatalog) library()).originalsCap() == Math.round(3.5 * GB));

        typeCap("lots");
        studio.robot().type(KeyCode.TAB); // leaving the field commits too
        studio.awaitShowing("account-storage-cap-error");
        assertThat(studio.text("account-storage-cap-error"))
                .isEqualTo("Enter a size from 0.5 to 100 GB; \u201clots\u201d is not one. The size stays as it was.");
        assertThat(capText()).isEqualTo("3.5");
        typeCap("250");
        studio.robot().type(KeyCode.ENTER);
        studio.await(
                "the out-of-range value named",
                () -> studio.text("account-storage-cap-error").contains("\u201c250\u201d"));
        assertThat(capBytes()).isEqualTo(Math.round(3.5 * GB));
        studio.screenshotBothThemes("account-storage-bad-cap");

        typeCap("1,5"); // a decimal comma is read too
        studio.robot().type(KeyCode.ENTER);
        studio.await(
                "the error gone and the cap taken",
                () -> !studio.showing("account-storage-cap-error") && capText().equals("1.5"));
        studio.robot().type(KeyCode.UP); // the arrow keys step by 0.5
        studio.await("the cap stepped up", () -> capText().equals("2.0"));
        Awaitility.await("the stepped cap saved").atMost(Duration.ofSeconds(5)).until(() -> savedCap() == 2 * GB);
        studio.screenshotBothThemes("account-storage");

        studio.click("account-storage-clear");
        studio.await(
                "the question",
                () -> studio.robot()
                        .lookup("#confirm-clear-originals")
                        .tryQuery()
                        .isPresent());
        Scene question =
                StudioHarness.call(() -> studio.find("confirm-clear-originals").getScene());
        assertThat(StudioHarness.call(() -> ((Labeled) studio.find("account-storage-clear")).getAccessibleText()))
                .isEqualTo("Clear the full-size originals kept on this computer; thumbnails stay");
        for (ThemeMode theme : ThemeMode.values()) {
            studio.theme(theme);
            WaitForAsyncUtils.waitForFxEvents(4);
            Screenshots.save(question, "account-storage-confirm-" + theme.name().toLowerCase(Locale.ROOT));
        }
        studio.theme(ThemeMode.LIGHT);
        studio.robot().clickOn("#confirm-clear-originals");
        WaitForAsyncUtils.waitForFxEvents();

        studio.await(
                "the usage after clearing",
                () -> studio.text("account-storage-usage").equals("Originals on this computer: 0 KB"));
        assertThat(studio.text("account-storage-notice"))
                .isEqualTo("Cleared " + StorageViewModel.readable(kept) + " of originals.");
        assertThat(original).doesNotExist();
        assertThat(thumbnail).exists();
        assertThat(library().item(id).orElseThrow().thumbnail()).isEqualTo(thumbnail);
        assertThat(library().item(id).orElseThrow().original()).isNull();
        assertThat(library().originalsSize()).isZero();
        studio.screenshotBothThemes("account-storage-cleared");
    }

    private Library library() {
        return StudioHarness.call(
                () -> studio.context().library().libraryProperty().get());
    }

    private String capText() {
        return StudioHarness.call(() -> this.<Double>cap().getEditor().getText());
    }

    private long capBytes() {
        return StudioHarness.call(
                () -> studio.context().settings().originalsCapProperty().get());
    }

    // what a new settings store over the same folder reads, as the next start would
    private long savedCap() {
        try (SettingsStore store = new SettingsStore(
                new SettingsFile(studio.home().resolve("settings.json"), CompanionJson.mapper()),
                Duration.ofMillis(10))) {
            return store.load().originalsCapProperty().get();
        }
    }

    /** Clicks into the field and replaces what it holds, as select-all and typing would. */
    private void typeCap(String text) {
        studio.robot().clickOn("#account-storage-cap .text-field");
        studio.robot().interact(() -> {
            TextField editor = this.<Double>cap().getEditor();
            editor.selectAll();
            editor.replaceSelection(text);
        });
    }

    private <T> Spinner<T> cap() {
        return studio.find("account-storage-cap");
    }
}
