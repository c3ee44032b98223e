package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One result at full size: which file to show, the zoom, and what to say when something cannot be shown. */
public final class ViewerViewModel {

    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 8;
    private static final double STEP = 1.25;

    private final TaskExecutor tasks;
    private final Originals originals;
    private final Session session;
    private final Messages messages;
    private final FailureMessages failures;
    private final ReadOnlyObjectWrapper<GalleryItem> item = new ReadOnlyObjectWrapper<>(this, "item");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper fullSize = new ReadOnlyBooleanWrapper(this, "fullSize");
    private final ReadOnlyBooleanWrapper fit = new ReadOnlyBooleanWrapper(this, "fit", true);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ActivityStatus activity = new ActivityStatus();
    private TaskHandle download = TaskHandle.NONE;
    private final InputPhotos inputs;
    private final ReadOnlyObjectWrapper<Path> inputPhoto = new ReadOnlyObjectWrapper<>(this, "inputPhoto");
    private final ReadOnlyStringWrapper inputNote = new ReadOnlyStringWrapper(this, "inputNote", "");
    private final javafx.beans.property.BooleanProperty beforeAfter =
            new javafx.beans.property.SimpleBooleanProperty(this, "beforeAfter");
    private TaskHandle inputDownload = TaskHandle.NONE;

    /** Where the preview of a result's input photo comes from: the work that fetches it in the background. */
    @FunctionalInterface
    public interface InputPhotos {
        java.util.concurrent.Callable<java.util.Optional<Path>> fetch(java.util.UUID uploadId);

        InputPhotos NONE = uploadId -> java.util.Optional::empty;
    }

    /**
     * Where the full-size file of a result comes from: called on the UI thread ({@code online}: whether the server
     * can be asked), it answers the work that fetches the file in the background.
     */
    @FunctionalInterface
    public interface Originals {
        java.util.concurrent.Callable<Path> fetch(GalleryItem item, boolean online);
    }

    /** A viewer over the synced library, which downloads an original that is not (or no longer) cached. */
    public ViewerViewModel(
            TaskExecutor tasks, com.pixfino.studio.core.library.Library library, Session session, Messages messages) {
        this(
                tasks,
                (item, online) -> () -> library.original(item.id()),
                uploadId -> () -> library.inputPhoto(uploadId),
                session,
                messages);
    }

    public ViewerViewModel(TaskExecutor tasks, Originals originals, Session session, Messages messages) {
        this(tasks, originals, InputPhotos.NONE, session, messages);
    }

    public ViewerViewModel(
            TaskExecutor tasks, Originals originals, InputPhotos inputs, Session session, Messages messages) {
        this.tasks = tasks;
        this.inputs = inputs;
        this.originals = originals;
        this.session = session;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        session.signedInProperty().addListener((obs, was, now) -> {
            if (!now) {
                close();
            }
        });
    }

    /** Shows the thumbnail at once and the full-size file as soon as it is on this computer. */
    public void open(GalleryItem shown) {
        download.cancel(); // the previous result's file is no longer wanted
        item.set(shown);
        fit.set(true);
        zoom.set(1);
        activity.clear();
        fullSize.set(shown.original() != null);
        // A video's thumbnail is its first frame: shown until (or instead of) playback.
        file.set(shown.original() != null && !shown.isVideo() ? shown.original() : shown.thumbnail());
        loadInputPhoto(shown);
        if (shown.original() != null) {
            return;
        }
        boolean online = session.isOnline();
        activity.working();
        download = tasks.run(
                originals.fetch(shown, online),
                original -> {
                    activity.done("");
                    fullSize.set(true);
                    if (!shown.isVideo()) {
                        file.set(original);
                    }
                    item.set(shown.withOriginal(original));
                },
                error -> activity.failed(messages.get(
                        !online ? "viewer.offlineThumbnail" : "viewer.downloadFailed", failures.describe(error))));
    }

    private void loadInputPhoto(GalleryItem shown) {
        inputDownload.cancel();
        inputPhoto.set(null);
        beforeAfter.set(false);
        java.util.UUID upload = shown.provenance().uploadId();
        if (upload == null) {
            inputNote.set(messages.get("viewer.input.unknown"));
            return;
        }
        boolean online = session.isOnline();
        inputNote.set(messages.get("viewer.input.loading"));
        inputDownload = tasks.run(
                inputs.fetch(upload),
                found -> {
                    inputPhoto.set(found.orElse(null));
                    inputNote.set(
                            found.isPresent()
                                    ? ""
                                    : messages.get(online ? "viewer.input.unavailable" : "viewer.input.offline"));
                },
                error -> inputNote.set(messages.get(online ? "viewer.input.unavailable" : "viewer.input.offline")));
    }

    /**
     * How {@code made} was made, for "Use again", with the preview of its input photo when the viewer has it on this
     * computer (the result shown); Create sends the photo by its upload id, never again.
     */
    public PastSettings pastSettings(GalleryItem made) {
        GalleryItem shown = item.get();
        boolean sameResult = shown != null && shown.id().equals(made.id());
        return PastSettings.of(made, sameResult ? inputPhoto.get() : null);
    }

    /** Shows the input photo against the result (only when the input photo is here). */
    public void toggleBeforeAfter() {
        beforeAfter.set(!beforeAfter.get() && inputPhoto.get() != null);
    }

    public void close() {
        inputDownload.cancel();
        inputPhoto.set(null);
        beforeAfter.set(false);
        download.cancel();
        item.set(null);
        file.set(null);
        activity.clear();
    }

    public void zoomIn() {
        setZoom(zoom.get() * STEP);
    }

    public void zoomOut() {
        setZoom(zoom.get() / STEP);
    }

    /** The view reports the scale "fit" ended up at, so zooming continues from what people see. */
    public void fitScale(double scale) {
        if (fit.get()) {
            zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, scale)));
        }
    }

    public void fitToWindow() {
        fit.set(true);
    }

    public void actualSize() {
        setZoom(1);
    }

    private void setZoom(double value) {
        fit.set(false);
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value)));
    }

    /** The video cannot play here (no media support on this system): say so, keep showing the first frame. */
    public void playbackFailed(String reason) {
        activity.say(Tone.ERROR, messages.get("viewer.playbackFailed", reason));
    }

    public String zoomText() {
        return Math.round(zoom.get() * 100) + " %";
    }

    public ReadOnlyObjectProperty<GalleryItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The file to show: the original when cached, else the thumbnail. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fullSizeProperty() {
        return fullSize.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The input photo's preview on this computer; null while loading or when it cannot be had. */
    public ReadOnlyObjectProperty<Path> inputPhotoProperty() {
        return inputPhoto.getReadOnlyProperty();
    }

    /** Why there is no input photo to show ("Not available offline"), or empty. */
    public ReadOnlyStringProperty inputNoteProperty() {
        return inputNote.getReadOnlyProperty();
    }

    /** Whether the viewer shows the before/after slider instead of the result alone. */
    public javafx.beans.property.BooleanProperty beforeAfterProperty() {
        return beforeAfter;
    }

    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }
}
