package com.pixfino.studio.gallery;

import com.pixfino.studio.core.i18n.Messages;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The input photo (left of the divider) against the result (right of it), fitted into the same frame. The
 * divider follows the mouse while dragged; the arrow keys move it by 5 %, Home and End to either edge. Screen
 * readers hear it as a slider: "Before and after comparison, 50 percent".
 */
final class BeforeAfterView extends Region {

    static final double STEP = 0.05;

    private final Messages messages;
    private final ImageView before = new ImageView();
    private final ImageView after = new ImageView();
    private final Rectangle beforeClip = new Rectangle();
    private final Line divider = new Line();
    private final Circle handle = new Circle(9);
    private final Label beforeLabel;
    private final Label afterLabel;
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0.5);
    private Rectangle2D frame = Rectangle2D.EMPTY;

    BeforeAfterView(Messages messages) {
        this.messages = messages;
        setId("before-after");
        getStyleClass().add("before-after");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SLIDER);
        for (ImageView view : new ImageView[] {after, before}) {
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setManaged(false);
        }
        before.setId("before-after-before");
        after.setId("before-after-after");
        before.setClip(beforeClip);
        divider.getStyleClass().add("before-after-divider");
        divider.setManaged(false);
        divider.setMouseTransparent(true);
        handle.getStyleClass().add("before-after-handle");
        handle.setManaged(false);
        handle.setMouseTransparent(true);
        beforeLabel = tag(messages.get("viewer.beforeAfter.before"));
        afterLabel = tag(messages.get("viewer.beforeAfter.after"));
        getChildren().addAll(after, before, divider, handle, beforeLabel, afterLabel);
        setMinSize(0, 0);

        position.addListener((obs, was, now) -> {
            requestLayout();
            describe();
        });
        before.imageProperty().addListener(obs -> requestLayout());
        after.imageProperty().addListener(obs -> requestLayout());
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            requestFocus();
            follow(event.getX());
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> follow(event.getX()));
        setOnKeyPressed(event -> {
            KeyCode code = event.getCode();
            if (code == KeyCode.LEFT || code == KeyCode.DOWN) {
                move(-STEP);
            } else if (code == KeyCode.RIGHT || code == KeyCode.UP) {
                move(STEP);
            } else if (code == KeyCode.HOME) {
                position.set(0);
            } else if (code == KeyCode.END) {
                position.set(1);
            } else {
                return;
            }
            event.consume();
        });
        describe();
    }

    private static Label tag(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("before-after-tag");
        label.setManaged(false);
        label.setMouseTransparent(true);
        return label;
    }

    ObjectProperty<Image> beforeImageProperty() {
        return before.imageProperty();
    }

    ObjectProperty<Image> afterImageProperty() {
        return after.imageProperty();
    }

    /** Where the divider stands, 0 (all result) … 1 (all input photo). */
    DoubleProperty positionProperty() {
        return position;
    }

    private void move(double delta) {
        // steps land on whole multiples of 5 %, whatever a drag left behind
        double steps = Math.round(position.get() / STEP) + Math.signum(delta);
        position.set(clamp(steps * STEP));
    }

    private void follow(double x) {
        if (frame.getWidth() > 0) {
            position.set(clamp((x - frame.getMinX()) / frame.getWidth()));
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, Math.round(value * 1000) / 1000.0));
    }

    private void describe() {
        String text = messages.get("viewer.beforeAfter.a11y", Math.round(position.get() * 100));
        setAccessibleText(text);
        notifyAccessibleAttributeChanged(AccessibleAttribute.VALUE);
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case VALUE -> position.get() * 100;
            case MIN_VALUE -> 0d;
            case MAX_VALUE -> 100d;
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        Image result = after.getImage() != null ? after.getImage() : before.getImage();
        if (result == null || result.getWidth() <= 0 || width <= 0 || height <= 0) {
            frame = Rectangle2D.EMPTY;
            return;
        }
        double scale = Math.min(width / result.getWidth(), height / result.getHeight());
        double w = result.getWidth() * scale;
        double h = result.getHeight() * scale;
        double x = snappedLeftInset() + (width - w) / 2;
        double y = snappedTopInset() + (height - h) / 2;
        frame = new Rectangle2D(x, y, w, h);
        fit(after, frame);
        fit(before, frame);
        double split = x + w * position.get();
        beforeClip.setX(0);
        beforeClip.setY(0);
        beforeClip.setWidth(Math.max(0, split - before.getLayoutX()));
        beforeClip.setHeight(getHeight());
        divider.setStartX(split);
        divider.setEndX(split);
        divider.setStartY(y);
        divider.setEndY(y + h);
        handle.setCenterX(split);
        handle.setCenterY(y + h / 2);
        beforeLabel.autosize();
        afterLabel.autosize();
        beforeLabel.relocate(x + 8, y + 8);
        afterLabel.relocate(x + w - afterLabel.getWidth() - 8, y + 8);
        beforeLabel.setVisible(position.get() > 0.1);
        afterLabel.setVisible(position.get() < 0.9);
    }

    // centres the image in the frame at the frame's size (another ratio is letterboxed inside it)
    private static void fit(ImageView view, Rectangle2D frame) {
        Image image = view.getImage();
        if (image == null || image.getWidth() <= 0) {
            return;
        }
        double scale = Math.min(frame.getWidth() / image.getWidth(), frame.getHeight() / image.getHeight());
        view.setFitWidth(image.getWidth() * scale);
        view.setFitHeight(image.getHeight() * scale);
        view.relocate(
                frame.getMinX() + (frame.getWidth() - image.getWidth() * scale) / 2,
                frame.getMinY() + (frame.getHeight() - image.getHeight() * scale) / 2);
    }
}
