package com.pixfino.studio.shell;

import com.pixfino.model.api.UserView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The screens in navigation order, as the composition root registered them, and the key that refreshes the one
 * showing. Built once; a clash of ids or keys fails at start rather than leaving a screen unreachable.
 */
public final class ScreenRegistry {

    private final List<ScreenDescriptor> screens;
    private final KeyCombination refreshKey;

    private ScreenRegistry(List<ScreenDescriptor> screens, KeyCombination refreshKey) {
        this.screens = List.copyOf(screens);
        this.refreshKey = refreshKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every registered screen, in registration (= navigation) order. */
    public List<ScreenDescriptor> screens() {
        return screens;
    }

    /** The screens {@code account} may see, in navigation order; none while nobody is signed in. */
    public List<ScreenDescriptor> visibleTo(UserView account) {
        return account == null
                ? List.of()
                : screens.stream().filter(screen -> screen.isVisibleTo(account)).toList();
    }

    /** Refreshes the screen that is showing: F5. */
    public KeyCombination refreshKey() {
        return refreshKey;
    }

    /** Collects the screens one registration line each. */
    public static final class Builder {

        private final List<ScreenDescriptor> screens = new ArrayList<>();
        private final KeyCombination refreshKey = new KeyCodeCombination(KeyCode.F5);

        private Builder() {}

        /** Adds the screen after those already registered. */
        public Builder register(ScreenDescriptor screen) {
            for (ScreenDescriptor other : screens) {
                if (other.id().equals(screen.id())) {
                    throw new IllegalArgumentException("two screens with the id " + screen.id());
                }
                if (other.shortcut().equals(screen.shortcut())) {
                    throw new IllegalArgumentException("screens " + other.id() + " and " + screen.id()
                            + " share the key " + screen.shortcut().getName());
                }
            }
            if (screen.shortcut().equals(refreshKey)) {
                throw new IllegalArgumentException(
                        "screen " + screen.id() + " uses the refresh key " + refreshKey.getName());
            }
            screens.add(screen);
            return this;
        }

        public ScreenRegistry build() {
            if (screens.isEmpty()) {
                throw new IllegalStateException("no screens registered");
            }
            return new ScreenRegistry(screens, refreshKey);
        }
    }
}
