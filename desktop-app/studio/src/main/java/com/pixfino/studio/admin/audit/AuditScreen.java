package com.pixfino.studio.admin.audit;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icon;

/** The audit log in the navigation: Ctrl+0, for admins only. */
public final class AuditScreen extends FeatureScreen {

    /** Material Icons "history" (Apache 2.0). */
    private static final Icon ICON = Icon.svg(
            "history",
            "M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6c0-3.87 3.13-7 7-7s7 3.13 7 7-3.13 7-7 7c-1.93 0-3.68-.79-4.94"
                    + "-2.06l-1.42 1.42A8.954 8.954 0 0 0 13 21a9 9 0 0 0 0-18zm-1 5v5l4.28 2.54.72-1.21-3.5-2.08V8H12z");

    public AuditScreen(AuditViewModel viewModel, Messages messages) {
        super("admin-audit", ICON, "nav.adminAudit", DigitShortcut.of(0), () -> new AuditView(viewModel, messages));
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return account.role() == Role.ADMIN;
    }
}
