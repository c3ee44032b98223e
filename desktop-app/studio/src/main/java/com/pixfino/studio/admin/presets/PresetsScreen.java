package com.pixfino.studio.admin.presets;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;

/** The admin's Presets screen in the navigation: Ctrl+8, for administrators only. */
public final class PresetsScreen extends FeatureScreen {

    public PresetsScreen(PresetsViewModel viewModel, Messages messages) {
        super(
                "admin-presets",
                Icons.PRESETS,
                "nav.adminPresets",
                DigitShortcut.of(8),
                () -> new PresetsView(viewModel, messages));
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return account.role() == Role.ADMIN;
    }
}
