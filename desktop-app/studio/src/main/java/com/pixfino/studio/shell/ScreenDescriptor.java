package com.pixfino.studio.shell;

import com.pixfino.model.api.UserView;
import com.pixfino.studio.ui.Icon;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * One screen of the signed-in studio. A feature package contributes its descriptor and the composition root
 * registers it in a {@link ScreenRegistry}; the shell builds the navigation entry, the shortcut and the view
 * from the descriptor alone, so it never imports a feature.
 */
public interface ScreenDescriptor {

    /** Unique and lower-case; names the navigation entry's node id {@code nav-<id>} and its badge's {@code nav-<id>-count}. */
    String id();

    Icon icon();

    /** Bundle key of the screen's name in the navigation. */
    String titleKey();

    /** The key that goes to the screen, e.g. {@code DigitShortcut.of(1)}; unique in the registry. */
    KeyCombination shortcut();

    /** Whether the signed-in account sees this screen at all; everyone does unless a screen says otherwise. */
    default boolean isVisibleTo(UserView account) {
        return true;
    }

    /** A count shown beside the screen's name while above zero, e.g. the jobs still running. */
    default Optional<ObservableValue<Number>> badge() {
        return Optional.empty();
    }

    /** Whether the studio opens on this screen when signed in while the server cannot be reached. */
    default boolean opensOffline() {
        return false;
    }

    /**
     * Builds the view, on the FX thread, the first time the screen is shown; the shell keeps it. A view that is
     * also a {@link com.pixfino.studio.ui.ScreenActions} gets the screen's keys, the refresh key and "shown".
     */
    Node createView();
}
