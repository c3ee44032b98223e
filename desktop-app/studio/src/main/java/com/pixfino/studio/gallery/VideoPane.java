package com.pixfino.studio.gallery;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;

/**
 * Plays a video result. The thumbnail (its first frame) shows until the player is ready, and stays when this
 * system cannot play media (no codecs, or a headless session): the viewer then says so.
 */
final class VideoPane extends VBox {

    private final ViewerViewModel viewModel;
    private final TaskExecutor tasks;
    private final ImageView poster = new ImageView();
    private final MediaView media = new MediaView();
    private final Button playPause;
    private final Messages messages;
    private MediaPlayer player;
    private GalleryItem showing;

    VideoPane(ViewerViewModel viewModel, TaskExecutor tasks, Messages messages) {
        this.viewModel = viewModel;
        this.tasks = tasks;
        this.messages = messages;
        setId("viewer-video");
        getStyleClass().add("viewer-video");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        poster.setPreserveRatio(true);
        media.setPreserveRatio(true);
        poster.fitWidthProperty().bind(widthProperty().subtract(48));
        poster.fitHeightProperty().bind(heightProperty().subtract(96));
        media.fitWidthProperty().bind(poster.fitWidthProperty());
        media.fitHeightProperty().bind(poster.fitHeightProperty());
        playPause = new Button(messages.get("viewer.play"));
        playPause.setId("viewer-play");
        playPause.getStyleClass().add(Styles.ACCENT);
        playPause.setDisable(true);
        playPause.setOnAction(event -> toggle());
        getChildren().addAll(new StackPane(poster, media), playPause);
        setVisible(false);
    }

    void show(GalleryItem item) {
        boolean sameVideo = item != null && showing != null && item.id().equals(showing.id());
        if (sameVideo && player != null) {
            return;
        }
        stop();
        showing = item;
        boolean isVideo = item != null && item.isVideo();
        setVisible(isVideo);
        if (!isVideo) {
            return;
        }
        poster.setImage(
                item.thumbnail() == null
                        ? null
                        : new Image(item.thumbnail().toUri().toString(), true));
        poster.setVisible(true);
        if (item.original() == null) {
            return; // the viewer model downloads it and shows the item again
        }
        String uri = item.original().toUri().toString();
        // Media probes the file when it is made: off the FX thread.
        tasks.run(
                () -> new MediaPlayer(new Media(uri)),
                ready -> attach(item, ready),
                error -> viewModel.playbackFailed(readable(error)));
    }

    private void attach(GalleryItem item, MediaPlayer ready) {
        if (showing == null || !item.id().equals(showing.id())) {
            ready.dispose();
            return;
        }
        player = ready;
        player.setOnError(() -> {
            viewModel.playbackFailed(readable(player.getError()));
            playPause.setDisable(true);
            poster.setVisible(true);
        });
        player.setOnReady(() -> {
            playPause.setDisable(false);
            media.setMediaPlayer(player);
            poster.setVisible(false);
        });
        player.setOnEndOfMedia(() -> {
            player.seek(javafx.util.Duration.ZERO);
            player.pause();
            playPause.setText(messages.get("viewer.play"));
        });
    }

    // Media errors read "com.sun.media.jfxmedia.MediaException: Could not create player!": keep the words.
    static String readable(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        java.util.regex.Matcher wrapped = java.util.regex.Pattern.compile("^[\\w.$]+(?:Exception|Error): (.*)$")
                .matcher(text);
        if (wrapped.matches()) {
            text = wrapped.group(1);
        }
        return text.replaceAll("[!.]+$", "").strip();
    }

    private void toggle() {
        if (player == null) {
            return;
        }
        if (player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
            playPause.setText(messages.get("viewer.play"));
        } else {
            player.play();
            playPause.setText(messages.get("viewer.pause"));
        }
    }

    private void stop() {
        if (player != null) {
            player.dispose();
            player = null;
        }
        media.setMediaPlayer(null);
        playPause.setDisable(true);
        playPause.setText(messages.get("viewer.play"));
    }
}
