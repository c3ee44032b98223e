package com.pixfino.studio.admin.dashboard;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icon;

/** The admin dashboard in the navigation: Ctrl+6, for admins only. */
public final class DashboardScreen extends FeatureScreen {

    /** Material Icons "dashboard" (Apache 2.0). */
    private static final Icon ICON =
            Icon.svg("dashboard", "M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z");

    public DashboardScreen(DashboardViewModel viewModel, Messages messages) {
        super(
                "admin-dashboard",
                ICON,
                "nav.adminDashboard",
                DigitShortcut.of(6),
                () -> new DashboardView(viewModel, messages));
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return account.role() == Role.ADMIN;
    }
}
