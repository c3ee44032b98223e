package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.server.testsupport.TestPhotos;
import com.pixfino.studio.batch.BatchRow;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Batch screen against the real companion server (local renderer): a folder through two presets with the estimate,
 * the live table and the report; and the acceptance: the studio closed mid-batch offers to resume on its next start,
 * and every file × preset is charged exactly once. Cyberpunk jobs are held on the server to catch the batch running.
 */
class BatchScreenTest {

    private static final String PASSWORD = "Sunset-Lake-42";
    private static final String HELD = "duotone"; // only the cyberpunk recipe has it

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private final BlockingQueue<String> browser = new LinkedBlockingQueue<>();
    private StudioHarness studio;

    @AfterEach
    void releaseHeldJobs() {
        real.server().renderer().release();
    }

    @Test
    void aFolderRunsThroughTwoPresetsWithLiveRowsAndItsReport(@TempDir Path home) throws Exception {
        String email = signUp(home, "Bea");
        Path in = photos(home.resolve("shoot"));
        Files.writeString(in.resolve("Thumbs.db"), "not a photo");
        setUpBatch(in);

        studio.await(
                "the estimate",
                () -> studio.text("batch-estimate-items").equals("3 photos \u00d7 2 presets = 6 items"));
        assertThat(studio.text("batch-estimate-cost")).isEqualTo("24 credits to pay \u00b7 your balance: 100");
        assertThat(studio.text("batch-estimate-done")).isEqualTo("Nothing done yet");
        assertThat(studio.<javafx.scene.control.TitledPane>find("batch-skipped").getText())
                .isEqualTo("1 file skipped, never charged");
        assertThat(StudioHarness.call(
                        () -> studio.<TextField>find("batch-output").getText()))
                .isEqualTo(home.resolve("shoot-pixfino").toString());
        studio.await(
                "Start to be ready", () -> !studio.<Button>find("batch-start").isDisabled());
        studio.screenshotBothThemes("batch-setup");

        real.server().renderer().hold(HELD);
        studio.robot().push(KeyCode.CONTROL, KeyCode.ENTER); // Start batch
        studio.await("the snow princess results", () -> count(ItemStatus.COMPLETED) == 3);
        studio.await("the held items in flight", () -> inFlight() == 3);
        assertThat(studio.text("batch-state")).isEqualTo("Running");
        studio.robot().push(KeyCode.CONTROL, KeyCode.P);
        studio.await("the pause", () -> studio.text("batch-state").equals("Paused"));
        assertThat(studio.text("batch-pause")).isEqualTo("_Resume"); // Alt+R
        studio.robot().push(KeyCode.CONTROL, KeyCode.P);
        studio.await("the batch running again", () -> studio.text("batch-state").equals("Running"));
        studio.click("batch-stop"); // asks first; keeping it running cancels nothing
        studio.awaitShowing("batch-stop-confirm");
        studio.click("batch-stop-no");
        assertThat(studio.showing("batch-stop-confirm")).isFalse();
        assertThat(studio.text("batch-state")).isEqualTo("Running");
        assertThat(studio.text("batch-counts")).isEqualTo("3 done \u00b7 0 failed \u00b7 2 skipped \u00b7 3 left");
        assertThat(rows()).hasSize(8); // 3 photos and the skipped file, × 2 presets
        studio.screenshotBothThemes("batch-running");

        real.server().renderer().release();
        studio.await("the end of the batch", () -> studio.text("batch-state").equals("Finished"));
        assertThat(studio.text("batch-counts")).isEqualTo("6 done \u00b7 0 failed \u00b7 2 skipped \u00b7 0 left");
        assertThat(studio.text("batch-status"))
                .isEqualTo("Finished: 6 results in the results folder; 2 items were skipped (see the report).");
        Path out = home.resolve("shoot-pixfino");
        assertThat(out.resolve("a-snow-princess.jpg")).exists();
        assertThat(out.resolve("sub/b-cyberpunk.jpg")).exists();
        assertThat(out.resolve("pixfino-report.csv")).exists();
        // the table's last row change may be drawn a pulse after the state line says Finished
        studio.await(
                "results named as in the report, relative to the results folder",
                () -> studio.robot().lookup(".table-cell").queryAllAs(TableCell.class).stream()
                        .anyMatch(cell -> "sub/b-cyberpunk.jpg".equals(cell.getText())));
        studio.screenshotBothThemes("batch-finished");

        studio.click("batch-open-report");
        assertThat(browser.poll(30, TimeUnit.SECONDS))
                .isEqualTo(out.resolve("pixfino-report.csv").toUri().toString());
        assertThat(debits(email)).hasSize(6);
    }

    @Test
    void closingMidBatchOffersToResumeOnTheNextStartAndChargesEveryItemOnce(@TempDir Path home) throws Exception {
        String email = signUp(home, "Cas");
        Path in = photos(home.resolve("party"));
        Path out = home.resolve("party-pixfino");
        studio.awaitShowing("batch-preset-snow-princess");
        studio.drop("batch-screen", in); // a folder dropped anywhere on the screen
        studio.await(
                "the dropped folder",
                () -> out.toString()
                        .equals(studio.<TextField>find("batch-output").getText()));
        tickBothPresets();
        studio.await(
                "Start to be ready", () -> !studio.<Button>find("batch-start").isDisabled());

        // two video styles on top cost more than the balance: Start stays off and says why
        studio.click("batch-preset-snow-princess-cinematic");
        studio.click("batch-preset-product-spin-ad");
        studio.await(
                "the refusal",
                () -> studio.text("batch-start-hint")
                        .equals("Not enough credits: this batch needs 156 credits and you have 100. "
                                + "Buy credits, or choose fewer photos or presets."));
        assertThat(StudioHarness.call(() -> studio.<Button>find("batch-start").isDisabled()))
                .isTrue();
        assertThat(studio.showing("batch-buy-credits")).isTrue();
        studio.screenshotBothThemes("batch-short");
        studio.click("batch-preset-snow-princess-cinematic");
        studio.click("batch-preset-product-spin-ad");
        studio.await(
                "Start to be ready", () -> !studio.<Button>find("batch-start").isDisabled());

        real.server().renderer().hold(HELD);
        studio.click("batch-start");
        studio.await("the snow princess results", () -> count(ItemStatus.COMPLETED) == 3);
        studio.await("the held items in flight", () -> inFlight() == 3);

        studio.close(); // the window closes mid-batch
        studio = null;
        assertThat(Files.readString(home.resolve("settings.json"))).contains("party-pixfino");
        real.server().renderer().release();

        studio = real.open(home, browser::add);
        studio.awaitShowing("shell");
        studio.click("nav-batch");
        studio.awaitShowing("batch-resume");
        assertThat(studio.text("batch-resume-text"))
                .isEqualTo("A batch into " + out + " was interrupted (3 of 6 done).");
        studio.screenshotBothThemes("batch-resume");

        studio.click("batch-resume-yes");
        studio.await("the end of the batch", () -> studio.text("batch-state").equals("Finished"));
        assertThat(studio.text("batch-counts")).isEqualTo("6 done \u00b7 0 failed \u00b7 0 skipped \u00b7 0 left");
        assertThat(studio.showing("batch-resume")).isFalse();

        List<LedgerEntryView> debits = debits(email);
        assertThat(debits).hasSize(6);
        assertThat(debits.stream().map(LedgerEntryView::reference).collect(Collectors.toSet()))
                .hasSize(6); // one generation each
        assertThat(real.server().ledger(email, PASSWORD))
                .extracting(LedgerEntryView::kind)
                .doesNotContain(LedgerKind.REFUND);
        for (String name : List.of("a", "c", "sub/b")) {
            assertThat(out.resolve(name + "-snow-princess.jpg")).exists();
            assertThat(out.resolve(name + "-cyberpunk.jpg")).exists();
        }
        await("the settings to forget the batch")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !Files.readString(home.resolve("settings.json")).contains("party-pixfino"));
    }

    /** Starts the studio in {@code home}, creates an account with 100 credits and opens the Batch screen. */
    private String signUp(Path home, String name) throws Exception {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        studio = real.open(home, browser::add);
        studio.register(name, email, PASSWORD);
        real.server().setBalance(email, PASSWORD, 100);
        studio.click("nav-batch");
        return email;
    }

    private void setUpBatch(Path in) {
        studio.awaitShowing("batch-preset-snow-princess");
        studio.type("batch-input", in.toString());
        tickBothPresets();
    }

    private void tickBothPresets() {
        studio.click("batch-preset-snow-princess");
        studio.click("batch-preset-cyberpunk");
        studio.await(
                "both presets ticked", () -> studio.text("batch-presets-count").equals("2 chosen"));
    }

    private static Path photos(Path in) throws IOException {
        write(in.resolve("a.jpg"), TestPhotos.portrait(600, 800, BufferedImage.TYPE_INT_RGB));
        write(in.resolve("c.jpg"), TestPhotos.portrait(640, 800, BufferedImage.TYPE_INT_RGB));
        write(in.resolve("sub/b.jpg"), TestPhotos.portrait(620, 800, BufferedImage.TYPE_INT_RGB));
        return in;
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "jpg", file.toFile());
    }

    private List<BatchRow> rows() {
        return StudioHarness.call(() ->
                List.copyOf(studio.<TableView<BatchRow>>find("batch-items").getItems()));
    }

    private long count(ItemStatus status) {
        return rows().stream().filter(row -> row.item().status() == status).count();
    }

    /** Sent to the server and not finished: what a crash must not charge again. */
    private long inFlight() {
        return count(ItemStatus.SUBMITTED) + count(ItemStatus.RUNNING);
    }

    private List<LedgerEntryView> debits(String email) {
        return real.server().ledger(email, PASSWORD).stream()
                .filter(entry -> entry.kind() == LedgerKind.DEBIT)
                .toList();
    }
}
