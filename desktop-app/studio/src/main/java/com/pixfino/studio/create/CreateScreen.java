package com.pixfino.studio.create;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;

/** The create screen in the navigation: first, Ctrl+1. */
public final class CreateScreen extends FeatureScreen {

    public CreateScreen(CreateViewModel viewModel, Session session, Messages messages) {
        super(
                "create",
                Icons.CREATE,
                "nav.create",
                DigitShortcut.of(1),
                () -> new CreateView(viewModel, session, messages));
    }
}
