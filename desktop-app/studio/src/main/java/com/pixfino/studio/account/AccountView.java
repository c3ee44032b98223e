package com.pixfino.studio.account;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.studio.apikeys.ApiKeysView;
import com.pixfino.studio.apikeys.ApiKeysViewModel;
import com.pixfino.studio.billing.PlansView;
import com.pixfino.studio.billing.PlansViewModel;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.rewards.RewardsView;
import com.pixfino.studio.rewards.RewardsViewModel;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import com.pixfino.studio.webhooks.WebhooksView;
import com.pixfino.studio.webhooks.WebhooksViewModel;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The account screen: on "Overview" the balance, tier and who is signed in as cards with the credit ledger below;
 * on "Plans & credits" the plans, packs and invoices; on "API access" the API keys; on "Storage" the size cap and
 * usage of the full-size results kept on this computer.
 */
public final class AccountView extends VBox implements ScreenActions {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final AccountViewModel viewModel;
    private final PlansViewModel plans;
    private final ApiKeysViewModel apiKeys;
    private final WebhooksViewModel webhooks;
    private final StorageViewModel storage;
    private final SecurityViewModel security;
    private final RewardsViewModel rewards;
    private final Messages messages;

    /**
     * @param security the "Sign-in & email" tab and the unconfirmed-address banner; null leaves both out
     * @param rewards the "Invite & redeem" tab (issue 16); null leaves it out
     */
    public AccountView(
            AccountViewModel viewModel,
            PlansViewModel plans,
            ApiKeysViewModel apiKeys,
            WebhooksViewModel webhooks,
            StorageViewModel storage,
            SecurityViewModel security,
            RewardsViewModel rewards,
            Messages messages) {
        this.security = security;
        this.viewModel = viewModel;
        this.rewards = rewards;
        this.plans = plans;
        this.apiKeys = apiKeys;
        this.webhooks = webhooks;
        this.storage = storage;
        this.messages = messages;
        setId("account-screen");
        getStyleClass().addAll("screen", "account-screen");

        Button refresh = new Button(messages.get("account.refresh"));
        refresh.setId("account-refresh");
        refresh.setOnAction(event -> refresh());
        Button signOut = new Button(messages.get("account.signOut"));
        signOut.setId("sign-out");
        signOut.setOnAction(event -> viewModel.signOut());
        ScreenTitle title = new ScreenTitle(
                "account",
                messages.get("account.title"),
                new SimpleStringProperty(messages.get("account.subtitle")),
                refresh,
                signOut);

        GridPane cards = new GridPane();
        cards.addRow(
                0,
                card(
                        "account-balance",
                        messages.get("account.balance"),
                        viewModel.balanceText(),
                        new SimpleStringProperty(messages.get("account.balanceHint"))),
                card("account-tier", messages.get("account.tier"), viewModel.tierText(), viewModel.tierDetail()),
                card("account-user", messages.get("account.user"), viewModel.nameText(), viewModel.emailText()));
        cards.getStyleClass().add("account-cards");
        for (int column = 0; column < 3; column++) {
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / 3);
            cards.getColumnConstraints().add(third);
        }

        Label ledgerTitle = new Label(messages.get("account.ledger"));
        ledgerTitle.getStyleClass().add("section-label");
        Label notice = Texts.statusLine("account-notice", viewModel.noticeProperty(), "notice");

        TableView<LedgerEntryView> table = ledgerTable(messages);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = new Button(messages.get("account.more"));
        more.setId("ledger-more");
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(event -> viewModel.loadMore());

        VBox overview = new VBox(14, cards, ledgerTitle, notice, table, more, yourData());
        overview.setId("account-overview");
        overview.getStyleClass().add("account-overview");
        getChildren().add(title);
        if (security != null) {
            getChildren().add(new VerifyEmailBanner(security, messages));
        }
        getChildren().add(tabs(overview));
    }

    /**
     * "Overview", "Plans & credits", "API access" and "Storage" (this computer's copies); Ctrl+Tab moves between them,
     * every "Buy credits" opens the second.
     */
    private TabPane tabs(VBox overview) {
        Tab overviewTab = new Tab(messages.get("account.tab.overview"), overview);
        overviewTab.setId("account-tab-overview");
        Tab plansTab = scrollingTab("plans", null, new PlansView(plans, messages));
        Tab apiTab = scrollingTab(
                "api",
                "api-scroll",
                new VBox(new ApiKeysView(apiKeys, messages), new WebhooksView(webhooks, messages)));
        Tab storageTab = new Tab(messages.get("account.tab.storage"), new StorageView(storage, messages));
        storageTab.setId("account-tab-storage");
        TabPane tabs = new TabPane(overviewTab, plansTab, apiTab, storageTab);
        Tab securityTab = securityTab();
        if (securityTab != null) {
            tabs.getTabs().add(securityTab);
        }
        Tab inviteTab = inviteTab();
        if (inviteTab != null) {
            tabs.getTabs().add(inviteTab);
        }
        tabs.setId("account-tabs");
        tabs.getStyleClass().add("account-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Runnable follow = () -> tabs.getSelectionModel()
                .select(
                        switch (viewModel.sectionProperty().get()) {
                            case PLANS -> plansTab;
                            case API -> apiTab;
                            case STORAGE -> storageTab;
                            case SECURITY -> securityTab == null ? overviewTab : securityTab;
                            case INVITE -> inviteTab == null ? overviewTab : inviteTab;
                            case OVERVIEW -> overviewTab;
                        });
        follow.run();
        viewModel.sectionProperty().addListener((obs, was, now) -> follow.run());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was == apiTab) {
                apiKeys.leave(); // a new key is shown once: not again when the user comes back
                webhooks.leave();
            }
            if (now == apiTab) {
                apiKeys.refresh();
                webhooks.refresh();
            }
            if (now == storageTab) {
                storage.refresh();
            }
            if (now != null && now == securityTab) {
                security.refresh();
                viewModel.sectionProperty().set(AccountSection.SECURITY);
                return;
            }
            if (now != null && now == inviteTab) {
                rewards.refresh();
                viewModel.sectionProperty().set(AccountSection.INVITE);
                return;
            }
            viewModel.sectionProperty().set(sectionOf(now, plansTab, apiTab, storageTab));
        });
        return tabs;
    }

    /** "Invite & redeem" (issue 16): the invite link and its figures, and the promo code field. */
    private Tab inviteTab() {
        if (rewards == null) {
            return null;
        }
        return scrollingTab("invite", "rewards-scroll", new RewardsView(rewards, messages));
    }

    /** "Sign-in & email" (issue 16), scrolling as "Plans & credits" does. */
    private Tab securityTab() {
        if (security == null) {
            return null;
        }
        return scrollingTab("security", "security-scroll", new SecurityView(security, messages));
    }

    /**
     * A tab whose content scrolls down only, edge to edge: its title is {@code account.tab.<name>}, its id
     * {@code account-tab-<name>}; {@code scrollId} (may be null) names the scroll pane.
     */
    private Tab scrollingTab(String name, String scrollId, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        if (scrollId != null) {
            scroll.setId(scrollId);
        }
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "plans-scroll");
        Tab tab = new Tab(messages.get("account.tab." + name), scroll);
        tab.setId("account-tab-" + name);
        return tab;
    }

    private static AccountSection sectionOf(Tab tab, Tab plansTab, Tab apiTab, Tab storageTab) {
        if (tab == plansTab) {
            return AccountSection.PLANS;
        }
        if (tab == apiTab) {
            return AccountSection.API;
        }
        return tab == storageTab ? AccountSection.STORAGE : AccountSection.OVERVIEW;
    }

    /** Export and deletion: at the bottom, apart from the everyday actions in the title. */
    private VBox yourData() {
        Label heading = new Label(messages.get("account.data"));
        heading.getStyleClass().add("section-label");
        Label hint = Texts.wrapping(new Label(messages.get("account.dataHint")));
        hint.getStyleClass().add("card-detail");
        VBox text = new VBox(4, heading, hint);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button export = new Button(messages.get("account.export"));
        export.setId("account-export");
        export.disableProperty().bind(viewModel.exportingProperty());
        export.setOnAction(event -> chooseExportFile());
        Button delete = new Button(messages.get("account.delete"));
        delete.setId("account-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.setOnAction(event -> openDeleteDialog());
        // the hint wraps, the buttons keep their words
        export.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, text, export, delete);
        row.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("account-export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(viewModel.exportingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label outcome = Texts.statusLine("account-data-notice", viewModel.dataNoticeProperty());
        ToneStyles.follow(outcome, "tone", viewModel.dataToneProperty());

        VBox box = new VBox(10, row, progress, outcome);
        box.setId("account-data");
        box.getStyleClass().add("account-data");
        return box;
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("account.exportTitle"));
        chooser.setInitialFileName(viewModel.exportFileName());
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(messages.get("account.exportFilter"), "*.zip"));
        File target =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (target != null) {
            viewModel.exportData(target.toPath());
        }
    }

    private void openDeleteDialog() {
        DeleteAccountDialog dialog = new DeleteAccountDialog(viewModel.deletion(), messages);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.show();
    }

    private TableView<LedgerEntryView> ledgerTable(Messages messages) {
        TableView<LedgerEntryView> table = new TableView<>(viewModel.ledger());
        table.setId("ledger-table");
        table.getStyleClass().addAll(Styles.STRIPED, "ledger-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("account.ledgerEmpty")));
        table.getColumns()
                .add(column(
                        messages.get("ledger.date"),
                        200,
                        entry -> entry.createdAt() == null
                                ? ""
                                : WHEN.format(entry.createdAt().atZoneSameInstant(ZoneId.systemDefault()))));
        table.getColumns().add(column(messages.get("ledger.kind"), 110, viewModel::kindText));
        TableColumn<LedgerEntryView, String> amount = column(messages.get("ledger.amount"), 90, viewModel::amountText);
        amount.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("amount-plus", "amount-minus");
                if (!empty && text != null) {
                    getStyleClass().add(text.startsWith("+") ? "amount-plus" : "amount-minus");
                }
            }
        });
        table.getColumns().add(amount);
        table.getColumns()
                .add(column(messages.get("ledger.balance"), 90, entry -> Integer.toString(entry.balanceAfter())));
        table.getColumns().add(column(messages.get("ledger.reason"), 260, LedgerEntryView::reason));
        return table;
    }

    private static TableColumn<LedgerEntryView, String> column(
            String title, double width, Function<LedgerEntryView, String> value) {
        TableColumn<LedgerEntryView, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private static VBox card(String id, String title, ObservableValue<String> value, ObservableValue<String> detail) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Label big = new Label();
        big.setId(id + "-value");
        big.getStyleClass().add("card-value");
        big.textProperty().bind(value);
        Label small = new Label();
        small.getStyleClass().add("card-detail");
        Texts.wrapping(small);
        small.textProperty().bind(detail);
        VBox card = new VBox(6, heading, big, small);
        card.setId(id);
        card.getStyleClass().add("account-card");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
        plans.refresh();
        apiKeys.refresh();
        webhooks.refresh();
        storage.refresh();
        if (security != null) {
            security.refresh();
        }
        if (rewards != null) {
            rewards.refresh();
        }
    }

    @Override
    public void shown() {
        apiKeys.leave(); // back from another screen: the key or secret shown before is gone
        webhooks.leave();
        refresh();
    }
}
