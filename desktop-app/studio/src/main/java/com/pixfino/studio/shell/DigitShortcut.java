package com.pixfino.studio.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Ctrl (⌘ on macOS) and a digit, typed on the main row or on the number pad: the keys that switch screens. */
public final class DigitShortcut extends KeyCombination {

    private final int digit;
    private final KeyCodeCombination row;
    private final KeyCodeCombination pad;

    private DigitShortcut(int digit) {
        super(SHORTCUT_DOWN);
        this.digit = digit;
        row = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + digit), SHORTCUT_DOWN);
        pad = new KeyCodeCombination(KeyCode.valueOf("NUMPAD" + digit), SHORTCUT_DOWN);
    }

    public static DigitShortcut of(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        return new DigitShortcut(digit);
    }

    @Override
    public boolean match(KeyEvent event) {
        return row.match(event) || pad.match(event);
    }

    @Override
    public String getName() {
        return row.getName();
    }

    @Override
    public String getDisplayText() {
        return row.getDisplayText();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DigitShortcut that && that.digit == digit;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(digit);
    }
}
