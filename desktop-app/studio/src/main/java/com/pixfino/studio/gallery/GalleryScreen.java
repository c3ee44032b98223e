package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;

/** The gallery screen in the navigation: Ctrl+3, and where the studio opens offline, since the cache still works. */
public final class GalleryScreen extends FeatureScreen {

    /**
     * The gallery over the synced library (issue 13). {@code useAgain} fills Create with a result's style and prompt
     * and shows Create.
     */
    public GalleryScreen(
            LibraryViewModel library,
            ViewerViewModel viewer,
            TaskExecutor tasks,
            Messages messages,
            java.util.function.Consumer<com.pixfino.studio.core.gallery.GalleryItem> useAgain) {
        super(
                "gallery",
                Icons.GALLERY,
                "nav.gallery",
                DigitShortcut.of(3),
                () -> new LibraryView(library, viewer, tasks, messages, useAgain, null));
    }

    @Override
    public boolean opensOffline() {
        return true;
    }
}
