package com.pixfino.studio.account;

import com.pixfino.studio.apikeys.ApiKeysViewModel;
import com.pixfino.studio.billing.PlansViewModel;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.rewards.RewardsViewModel;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.webhooks.WebhooksViewModel;

/** The account screen in the navigation: Ctrl+4; the header's account menu and every "Buy credits" open it too. */
public final class AccountScreen extends FeatureScreen {

    public AccountScreen(
            AccountViewModel viewModel,
            PlansViewModel plans,
            ApiKeysViewModel apiKeys,
            WebhooksViewModel webhooks,
            StorageViewModel storage,
            SecurityViewModel security,
            RewardsViewModel rewards,
            Messages messages) {
        super(
                "account",
                Icons.ACCOUNT,
                "nav.account",
                DigitShortcut.of(4),
                () -> new AccountView(viewModel, plans, apiKeys, webhooks, storage, security, rewards, messages));
    }
}
