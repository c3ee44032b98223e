package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.queue.JobItem;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import com.pixfino.studio.testsupport.SwitchableLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate while offline: the request waits in the Queue, survives the studio closing, and is sent once (one debit)
 * when the same server can be reached again. The studio talks to the server through a link the test unplugs.
 */
class OfflineGenerateTest {

    private static final String EMAIL = "offline-generate@example.com";
    private static final String PASSWORD = "Sunset-Lake-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private SwitchableLink link;
    private StudioHarness studio;

    @Test
    void anOfflineGenerateWaitsInTheQueueSurvivesARestartAndIsChargedOnceWhenTheServerIsBack(@TempDir Path home)
            throws Exception {
        link = real.link();
        studio = real.open(home, link.url());
        studio.register("Olu", EMAIL, PASSWORD);
        Path photo = PhotoFiles.portrait(home.resolve("Pictures"), "selfie.jpg");
        studio.drop("photo-drop-zone", photo);
        studio.click("preset-snow-princess");
        studio.type("prompt", "soft window light");

        link.down();
        studio.await(
                "the studio to see it is offline",
                () -> studio.text("online-badge").equals("Offline"));

        assertThat(studio.find("generate").isDisabled()).isFalse();
        assertThat(studio.text("generate")).isEqualTo("Generate when back online");
        assertThat(studio.text("generate-hint"))
                .isEqualTo("Offline: Generate keeps the request in the Queue and sends it when the connection is"
                        + " back; credits are charged then. Offline: checked against the last known balance"
                        + " (5 credits).");
        studio.screenshotBothThemes("create-offline");
        studio.click("generate");
        studio.await(
                "the request kept",
                () -> studio.text("create-status").startsWith("Snow Princess is waiting for the connection"));
        Files.delete(photo); // the original may go: the studio kept its own copy

        studio.click("nav-queue");
        studio.awaitShowing("queue-waiting");
        assertThat(waitingBadges()).containsExactly("Waiting for connection");
        assertThat(studio.text("queue-waiting-title")).isEqualTo("Waiting for connection");
        assertThat(studio.showing("queue-empty")).isFalse();
        assertThat(studio.text("nav-queue-count")).isEqualTo("1");
        assertThat(studio.text("queue-subtitle"))
                .isEqualTo("1 waiting for connection \u00b7 Nothing running \u00b7 no jobs in all");
        studio.screenshotBothThemes("queue-waiting");

        studio.close(); // closed while offline: nothing may be lost
        studio = real.open(home, link.url());
        studio.awaitShowing("offline-banner");
        studio.click("nav-create");
        studio.awaitShowing("preset-snow-princess"); // the styles seen last time: more can be kept offline
        studio.click("nav-queue");
        studio.await("the kept request after the restart", () -> waitingBadges().size() == 1);

        link.up();

        studio.await(
                "the request sent and its job in the queue",
                () -> waitingBadges().isEmpty()
                        && studio.<ListView<JobItem>>find("queue-list")
                                        .getItems()
                                        .size()
                                == 1);
        studio.await(
                "the job to finish",
                () -> studio.<ListView<JobItem>>find("queue-list")
                        .getItems()
                        .get(0)
                        .view()
                        .status()
                        .isFinal());
        JobItem job = studio.<ListView<JobItem>>find("queue-list").getItems().get(0);
        assertThat(job.view().prompt()).isEqualTo("soft window light");
        assertThat(job.view().presetName()).isEqualTo("Snow Princess");
        List<LedgerEntryView> debits = real.server().ledger(EMAIL, PASSWORD).stream()
                .filter(entry -> entry.kind() == LedgerKind.DEBIT)
                .toList();
        assertThat(debits)
                .singleElement()
                .satisfies(debit -> assertThat(debit.amount()).isEqualTo(-4));
        studio.await(
                "the balance after the charge",
                () -> studio.text("header-balance").equals("1 credit"));
        assertThat(Files.list(home.resolve("pending-photos")).flatMap(OfflineGenerateTest::filesIn))
                .as("the kept copy is gone with the request")
                .isEmpty();
    }

    @Test
    void aRequestTheServerRefusesWhenItIsBackIsShownWithItsReasonAndChargesNothing(@TempDir Path home)
            throws Exception {
        link = real.link();
        studio = real.open(home, link.url());
        studio.register("Ife", "offline-refused@example.com", PASSWORD);
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home, "selfie.jpg"));
        studio.click("preset-snow-princess");
        link.down();
        studio.await(
                "the studio to see it is offline",
                () -> studio.text("online-badge").equals("Offline"));
        studio.click("generate");
        studio.await(
                "the request kept",
                () -> studio.text("create-status").startsWith("Snow Princess is waiting for the connection"));
        real.server().setBalance("offline-refused@example.com", PASSWORD, 2); // spent on another computer meanwhile
        studio.click("nav-queue");

        link.up();

        studio.await("the refusal", () -> waitingBadges().equals(List.of("Not sent")));
        Node row =
                StudioHarness.call(() -> studio.robot().lookup(".waiting-row").query());
        String id = row.getId().substring("waiting-".length());
        assertThat(studio.text("waiting-detail-" + id))
                .startsWith("The server refused it: ")
                .contains("credits")
                .endsWith("Nothing was charged.");
        assertThat(studio.text("queue-subtitle")).isEqualTo("Nothing running \u00b7 no jobs in all");
        assertThat(studio.text("queue-waiting-title")).isEqualTo("Made offline, not sent");
        studio.screenshotBothThemes("queue-refused");
        assertThat(real.server().ledger("offline-refused@example.com", PASSWORD))
                .noneMatch(entry -> entry.kind() == LedgerKind.DEBIT);

        studio.click("waiting-remove-" + id);

        studio.await("the refused request gone", () -> waitingBadges().isEmpty());
        studio.awaitShowing("queue-empty");
    }

    private List<String> waitingBadges() {
        return StudioHarness.call(() -> studio.robot().lookup(".waiting-row .job-badge").queryAll().stream()
                .filter(Node::isVisible)
                .map(node -> ((Label) node).getText())
                .toList());
    }

    private static java.util.stream.Stream<Path> filesIn(Path dir) {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
