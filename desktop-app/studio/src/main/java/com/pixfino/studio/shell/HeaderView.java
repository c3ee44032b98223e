package com.pixfino.studio.shell;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.theme.ThemeViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar across the top: the app name; when signed in the balance, online state and account menu; the theme switch. */
public final class HeaderView extends HBox {

    public HeaderView(ThemeViewModel theme, Messages messages) {
        this(theme, messages, null, null, null);
    }

    /** Signed in: the account menu opens {@code accountScreen} and signs out with {@code signOut}. */
    public HeaderView(
            ThemeViewModel theme,
            Messages messages,
            ShellViewModel shell,
            ScreenDescriptor accountScreen,
            Runnable signOut) {
        setId("studio-header");
        getStyleClass().add("studio-header");

        // The app icon opens the About dialog (name, version).
        ImageView icon = new ImageView(AppIcons.ofSize(64));
        icon.setFitWidth(28);
        icon.setFitHeight(28);
        Button logo = new Button(null, icon);
        logo.setId("about-button");
        logo.setTooltip(new Tooltip(messages.get("about.title")));
        logo.setAccessibleText(messages.get("about.title"));
        logo.getStyleClass().addAll(Styles.FLAT, "about-button");
        logo.setOnAction(event -> new AboutDialog(getScene().getWindow(), messages).show());
        Label title = new Label(messages.get("app.title"));
        title.setId("app-title");
        title.getStyleClass().addAll(Styles.TITLE_4, "studio-title");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(logo, title, spacer);

        if (shell != null) {
            getChildren()
                    .addAll(
                            onlineBadge(shell, messages),
                            balance(shell, messages),
                            accountMenu(shell, messages, accountScreen, signOut));
        }
        ToggleSwitch dark = new ToggleSwitch(messages.get("header.theme.dark"));
        dark.setId("theme-toggle");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        getChildren().add(dark);
    }

    private static Label onlineBadge(ShellViewModel shell, Messages messages) {
        Label badge = new Label();
        badge.setId("online-badge");
        badge.getStyleClass().add("status-badge");
        badge.textProperty()
                .bind(Bindings.when(shell.offlineProperty())
                        .then(messages.get("header.offline"))
                        .otherwise(messages.get("header.online")));
        shell.offlineProperty().addListener((obs, was, offline) -> badge.pseudoClassStateChanged(OFFLINE, offline));
        badge.pseudoClassStateChanged(OFFLINE, shell.offlineProperty().get());
        return badge;
    }

    private static Label balance(ShellViewModel shell, Messages messages) {
        Label balance = new Label();
        balance.setId("header-balance");
        balance.getStyleClass().add("balance-chip");
        balance.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "header.credits",
                                shell.session().creditsProperty().get()),
                        shell.session().creditsProperty()));
        return balance;
    }

    private static MenuButton accountMenu(
            ShellViewModel shell, Messages messages, ScreenDescriptor accountScreen, Runnable signOut) {
        MenuItem account = new MenuItem(messages.get(accountScreen.titleKey()));
        account.setOnAction(event -> shell.show(accountScreen));
        MenuItem out = new MenuItem(messages.get("header.signOut"));
        out.setId("menu-sign-out");
        out.setOnAction(event -> signOut.run());
        MenuButton menu = new MenuButton();
        menu.setId("account-menu");
        menu.textProperty().bind(shell.userTextProperty());
        menu.getItems().addAll(account, new SeparatorMenuItem(), out);
        menu.getStyleClass().addAll(Styles.FLAT, "account-menu");
        return menu;
    }

    private static final javafx.css.PseudoClass OFFLINE = javafx.css.PseudoClass.getPseudoClass("offline");
}
