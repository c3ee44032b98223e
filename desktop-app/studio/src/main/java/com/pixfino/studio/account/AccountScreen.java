package com.pixfino.studio.account;

import com.pixfino.studio.billing.PlansViewModel;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.ui.Icon;
import com.pixfino.studio.ui.Icons;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** The account screen in the navigation: Ctrl+4; the header's account menu and every "Buy credits" open it too. */
public final class AccountScreen implements ScreenDescriptor {

    private final AccountViewModel viewModel;
    private final PlansViewModel plans;
    private final Messages messages;

    public AccountScreen(AccountViewModel viewModel, PlansViewModel plans, Messages messages) {
        this.viewModel = viewModel;
        this.plans = plans;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "account";
    }

    @Override
    public Icon icon() {
        return Icons.ACCOUNT;
    }

    @Override
    public String titleKey() {
        return "nav.account";
    }

    @Override
    public KeyCombination shortcut() {
        return DigitShortcut.of(4);
    }

    @Override
    public Node createView() {
        return new AccountView(viewModel, plans, messages);
    }
}
