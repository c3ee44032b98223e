package com.pixfino.studio.admin.users;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icon;

/** The admin users table in the navigation: Ctrl+7, for admins only. */
public final class UsersScreen extends FeatureScreen {

    /** Material Icons "group" (Apache 2.0). */
    private static final Icon ICON = Icon.svg(
            "people",
            "M16 11c1.66 0 2.99-1.34 2.99-3S17.66 5 16 5c-1.66 0-3 1.34-3 3s1.34 3 3 3zm-8 0c1.66 0 2.99-1.34 2.99-3S9.66"
                    + " 5 8 5C6.34 5 5 6.34 5 8s1.34 3 3 3zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5c0-2.33-4.67-3.5-7-3.5zm8"
                    + " 0c-.29 0-.62.02-.97.05 1.16.84 1.97 1.97 1.97 3.45V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z");

    public UsersScreen(UsersViewModel viewModel, Messages messages) {
        super("admin-users", ICON, "nav.adminUsers", DigitShortcut.of(7), () -> new UsersView(viewModel, messages));
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return account.role() == Role.ADMIN;
    }
}
