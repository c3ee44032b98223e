package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.ui.Icon;
import com.pixfino.studio.ui.Icons;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** The gallery screen in the navigation: Ctrl+3, and where the studio opens offline, since the cache still works. */
public final class GalleryScreen implements ScreenDescriptor {

    private final GalleryViewModel viewModel;
    private final ViewerViewModel viewer;
    private final TaskExecutor tasks;
    private final Messages messages;

    public GalleryScreen(GalleryViewModel viewModel, ViewerViewModel viewer, TaskExecutor tasks, Messages messages) {
        this.viewModel = viewModel;
        this.viewer = viewer;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "gallery";
    }

    @Override
    public Icon icon() {
        return Icons.GALLERY;
    }

    @Override
    public String titleKey() {
        return "nav.gallery";
    }

    @Override
    public KeyCombination shortcut() {
        return DigitShortcut.of(3);
    }

    @Override
    public boolean opensOffline() {
        return true;
    }

    @Override
    public Node createView() {
        return new GalleryView(viewModel, viewer, tasks, messages);
    }
}
