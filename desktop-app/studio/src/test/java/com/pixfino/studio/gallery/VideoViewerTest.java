package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.testsupport.InMemoryLibrary;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An MP4 result in the real viewer. Headless (Monocle) JavaFX media may or may not play: either the player
 * gets ready, or the viewer says playback is unavailable; the first frame shows in both cases.
 */
class VideoViewerTest {

    @TempDir
    Path dir;

    private FxTaskExecutor tasks;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void aVideoPlaysOrSaysWhyItCannotAndShowsItsFirstFrame() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor("video-test", 2);
        SessionFixture fixture = new SessionFixture(dir, tasks);
        UUID id = UUID.randomUUID();
        Path thumbnail = Files.write(dir.resolve(id + "-thumb.jpg"), jpeg(frame(0)));
        Path original = Files.write(dir.resolve(id + ".mp4"), mp4());
        InMemoryLibrary library = new InMemoryLibrary();
        library.put(new GalleryItem(
                id,
                "Runway Reel",
                MediaKind.VIDEO,
                "a reel",
                "video/mp4",
                320,
                240,
                OffsetDateTime.now(),
                thumbnail,
                null));
        library.originals.put(id, original);
        LibraryViewModel gallery = new LibraryViewModel(tasks, library, fixture.messages);
        ViewerViewModel viewer = new ViewerViewModel(tasks, library, fixture.session, fixture.messages);
        StudioScene.showInPrimaryStage(
                () -> new LibraryView(gallery, viewer, tasks, fixture.messages, item -> {}, () -> dir), 1100, 700);
        new FxRobot().interact(fixture::signedIn);
        new FxRobot().interact(gallery::reload);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> gallery.countProperty().get() == 1);

        new FxRobot().interact(() -> viewer.open(library.item(id).orElseThrow()));

        FxRobot robot = new FxRobot();
        Button play = robot.lookup("#viewer-play").queryButton();
        Label message = robot.lookup("#viewer-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !play.isDisabled() || message.getText().contains("Video playback"));
        assertThat(robot.lookup("#viewer-video").query().isVisible()).isTrue();
        assertThat(robot.lookup(".viewer-video ImageView").queryAllAs(javafx.scene.image.ImageView.class))
                .anySatisfy(poster -> assertThat(poster.getImage()).isNotNull());
        if (play.isDisabled()) {
            assertThat(message.getText()).contains("export the video to play it in another player");
        } else {
            robot.clickOn(play);
            assertThat(play.getText()).isEqualTo("Pause");
        }
        assertThat(stage.isShowing()).isTrue();
        WaitForAsyncUtils.waitForFxEvents(4);
        com.pixfino.studio.testsupport.Screenshots.save(stage.getScene(), "viewer-video-light");
    }

    private static byte[] mp4() throws Exception {
        Path file = Files.createTempFile("clip", ".mp4");
        AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 10);
        for (int i = 0; i < 10; i++) {
            encoder.encodeImage(frame(i));
        }
        encoder.finish();
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    private static BufferedImage frame(int i) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 60, 120));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.ORANGE);
        g.fillOval(40 + i * 20, 80, 80, 80);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
