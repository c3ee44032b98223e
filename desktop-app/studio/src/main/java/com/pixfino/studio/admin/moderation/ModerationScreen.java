package com.pixfino.studio.admin.moderation;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;

/** The moderation queue and banned words in the navigation: Ctrl+9, for administrators only. */
public final class ModerationScreen extends FeatureScreen {

    public ModerationScreen(ModerationViewModel queue, BannedWordsViewModel words, Messages messages) {
        super(
                "admin-moderation",
                Icons.MODERATION,
                "nav.adminModeration",
                DigitShortcut.of(9),
                () -> new ModerationView(queue, words, messages));
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return account.role() == Role.ADMIN;
    }
}
