package com.pixfino.studio.create;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.ui.Icon;
import com.pixfino.studio.ui.Icons;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** The create screen in the navigation: first, Ctrl+1. */
public final class CreateScreen implements ScreenDescriptor {

    private final CreateViewModel viewModel;
    private final Session session;
    private final Messages messages;

    public CreateScreen(CreateViewModel viewModel, Session session, Messages messages) {
        this.viewModel = viewModel;
        this.session = session;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "create";
    }

    @Override
    public Icon icon() {
        return Icons.CREATE;
    }

    @Override
    public String titleKey() {
        return "nav.create";
    }

    @Override
    public KeyCombination shortcut() {
        return DigitShortcut.of(1);
    }

    @Override
    public Node createView() {
        return new CreateView(viewModel, session, messages);
    }
}
