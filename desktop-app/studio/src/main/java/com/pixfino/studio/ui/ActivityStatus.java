package com.pixfino.studio.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A screen's status line: whether it is working, what it last has to say, and how that should look. A view model
 * owns one and hands out its read-only properties; views bind to them. UI thread only.
 */
public final class ActivityStatus {

    /** How the words should look. */
    public enum Tone {
        NONE,
        INFO,
        SUCCESS,
        ERROR
    }

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NONE);

    /** Work started; what the line says stays until the work ends. */
    public void working() {
        busy.set(true);
    }

    /** Work started, and says what it is doing. */
    public void working(String text) {
        busy.set(true);
        say(Tone.INFO, text);
    }

    /** The work succeeded; {@code text} may be empty. */
    public void done(String text) {
        busy.set(false);
        say(Tone.SUCCESS, text);
    }

    public void failed(String text) {
        busy.set(false);
        say(Tone.ERROR, text);
    }

    /** Says something without starting or ending work: a refused command, the outcome of a quick action. */
    public void say(Tone newTone, String text) {
        tone.set(text.isEmpty() ? Tone.NONE : newTone);
        message.set(text);
    }

    /** Idle and silent again: after signing out, or when the work was cancelled. */
    public void clear() {
        busy.set(false);
        say(Tone.NONE, "");
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }
}
