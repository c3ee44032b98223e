package com.pixfino.studio.admin.users;

import atlantafx.base.theme.Styles;
import com.pixfino.model.AccountStatus;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.studio.admin.AdminTitleControls;
import com.pixfino.studio.core.admin.UsersSort;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin users table: search and filters, column headers that sort on the server, "Load more", and the actions
 * on the selected account as buttons, a context menu and Enter. Binds and forwards only.
 */
public final class UsersView extends VBox implements ScreenActions.RefreshedWhenShown {

    private final UsersViewModel viewModel;
    private final Messages messages;
    private final TableView<AdminUserView> table;
    private final ObjectProperty<AdminUserView> selected = new SimpleObjectProperty<>(this, "selected");

    public UsersView(UsersViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("admin-users-screen");
        getStyleClass().addAll("screen", "admin-users");

        ProgressIndicator progress = AdminTitleControls.progress("admin-users", viewModel.status());
        Button refresh = AdminTitleControls.refresh("admin-users", messages, this::refresh);
        ScreenTitle title = new ScreenTitle(
                "admin-users",
                messages.get("admin.users.title"),
                Bindings.createStringBinding(
                        () -> messages.get(
                                viewModel.moreProperty().get() ? "admin.users.subtitleMore" : "admin.users.subtitle",
                                viewModel.users().size()),
                        viewModel.users(),
                        viewModel.moreProperty()),
                progress,
                refresh);

        table = table();
        selected.bind(table.getSelectionModel().selectedItemProperty());
        keepSelection();
        Label status = Texts.statusLine("admin-users-status", viewModel.status());

        HBox moreRow = AdminTitleControls.loadMore(
                "admin-users", messages, viewModel.status(), viewModel.moreProperty(), viewModel::loadMore);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren()
                .addAll(
                        title,
                        filters(),
                        actions(),
                        status,
                        new AdjustCreditsPane(viewModel.adjustment(), viewModel, messages),
                        new SuspendPane(viewModel.suspension(), viewModel, messages),
                        table,
                        moreRow);
    }

    // a changed account replaces its row, which drops the selection: the same account stays selected
    private void keepSelection() {
        java.util.concurrent.atomic.AtomicReference<java.util.UUID> last =
                new java.util.concurrent.atomic.AtomicReference<>();
        selected.addListener((obs, was, now) -> {
            if (now != null) {
                last.set(now.id());
            }
        });
        viewModel.users().addListener((ListChangeListener<AdminUserView>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    for (AdminUserView user : change.getAddedSubList()) {
                        if (user.id().equals(last.get())) {
                            table.getSelectionModel().select(user);
                        }
                    }
                }
            }
        });
    }

    private HBox filters() {
        TextField search = new TextField();
        search.setId("admin-users-search");
        search.setPromptText(messages.get("admin.users.searchPrompt"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        List<Choice<Tier>> tiers = new ArrayList<>();
        tiers.add(new Choice<>(null, messages.get("admin.users.anyTier")));
        for (Tier tier : Tier.values()) {
            tiers.add(new Choice<>(tier, messages.get("admin.tier." + tier.name())));
        }
        ComboBox<Choice<Tier>> tier = choices("admin-users-tier", tiers);
        tier.valueProperty()
                .addListener((obs, was, now) -> viewModel.tierProperty().set(now.value()));
        ComboBox<Choice<AccountStatus>> status = choices(
                "admin-users-status-filter",
                List.of(
                        new Choice<>(null, messages.get("admin.users.anyStatus")),
                        new Choice<>(AccountStatus.ACTIVE, messages.get("admin.users.status.ACTIVE")),
                        new Choice<>(AccountStatus.SUSPENDED, messages.get("admin.users.status.SUSPENDED"))));
        status.valueProperty()
                .addListener(
                        (obs, was, now) -> viewModel.accountStatusProperty().set(now.value()));
        HBox row = new HBox(10, search, tier, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static <T> ComboBox<Choice<T>> choices(String id, List<Choice<T>> items) {
        ComboBox<Choice<T>> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.getSelectionModel().selectFirst();
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private HBox actions() {
        Button adjust = new Button(messages.get("admin.users.adjust"));
        adjust.setId("admin-users-adjust");
        adjust.disableProperty().bind(selected.isNull());
        adjust.setOnAction(event -> viewModel.adjust(selected.get()));
        Button suspend = new Button();
        suspend.setId("admin-users-suspend");
        suspend.textProperty().bind(Bindings.createStringBinding(() -> suspendText(selected.get()), selected));
        suspend.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selected.get() == null || viewModel.isSelf(selected.get()), selected));
        suspend.setOnAction(event -> viewModel.suspendOrUnsuspend(selected.get()));
        // a disabled button gets no mouse events, so its reason sits on a holder around it
        StackPane suspendHolder = new StackPane(suspend);
        suspendHolder.setId("admin-users-suspend-holder");
        Tooltip self = new Tooltip(messages.get("admin.users.notSelf"));
        selected.addListener((obs, was, now) -> {
            if (viewModel.isSelf(now)) {
                Tooltip.install(suspendHolder, self);
            } else {
                Tooltip.uninstall(suspendHolder, self);
            }
        });
        Label hint = new Label(messages.get("admin.users.actionsHint"));
        hint.getStyleClass().add("card-detail");
        HBox row = new HBox(10, adjust, suspendHolder, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private String suspendText(AdminUserView user) {
        return messages.get(
                user != null && viewModel.suspended(user) ? "admin.users.unsuspend" : "admin.users.suspend");
    }

    private TableView<AdminUserView> table() {
        TableView<AdminUserView> view = new TableView<>(viewModel.users());
        view.setId("admin-users-table");
        view.getStyleClass().add("admin-table");
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPlaceholder(new Label(""));

        TableColumn<AdminUserView, AdminUserView> name = new TableColumn<>(messages.get("admin.users.column.name"));
        name.setMinWidth(220);
        name.setSortable(false);
        name.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        name.setCellFactory(column -> new NameCell(viewModel));
        view.getColumns().add(name);
        view.getColumns().add(plain(messages.get("admin.users.column.tier"), viewModel::tierText, 80));
        TableColumn<AdminUserView, String> credits = sortable(
                messages.get("admin.users.column.credits"), u -> Integer.toString(u.credits()), 80, UsersSort.CREDITS);
        TableColumn<AdminUserView, String> generations = sortable(
                messages.get("admin.users.column.generations"),
                u -> Long.toString(u.generations()),
                70,
                UsersSort.GENERATIONS);
        credits.getStyleClass().add("number-column");
        generations.getStyleClass().add("number-column");
        view.getColumns().add(credits);
        view.getColumns().add(generations);
        TableColumn<AdminUserView, AdminUserView> status = new TableColumn<>(messages.get("admin.users.column.status"));
        status.setMinWidth(100);
        status.setSortable(false);
        status.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        status.setCellFactory(column -> new StatusCell(viewModel));
        view.getColumns().add(status);
        TableColumn<AdminUserView, String> joined = sortable(
                messages.get("admin.users.column.joined"), u -> viewModel.when(u.joinedAt()), 160, UsersSort.JOINED);
        view.getColumns().add(joined);
        view.getColumns()
                .add(sortable(
                        messages.get("admin.users.column.lastLogin"),
                        u -> viewModel.when(u.lastLoginAt()),
                        160,
                        UsersSort.LAST_LOGIN));

        // the server sorts: the table only shows the arrow and tells the view model
        view.setSortPolicy(t -> true);
        joined.setSortType(TableColumn.SortType.DESCENDING);
        view.getSortOrder().add(joined);
        view.getSortOrder()
                .addListener((ListChangeListener<TableColumn<AdminUserView, ?>>) change -> sortChanged(view));
        for (TableColumn<AdminUserView, ?> column : view.getColumns()) {
            column.sortTypeProperty().addListener((obs, was, now) -> sortChanged(view));
        }

        view.setContextMenu(contextMenu());
        // a filter: the table's own key handling takes Enter before an onKeyPressed handler sees it
        view.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && selected.get() != null) {
                viewModel.adjust(selected.get());
                event.consume();
            }
        });
        view.setRowFactory(t -> {
            javafx.scene.control.TableRow<AdminUserView> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.adjust(row.getItem());
                }
            });
            return row;
        });
        return view;
    }

    private void sortChanged(TableView<AdminUserView> view) {
        if (view.getSortOrder().isEmpty()) {
            viewModel.sortBy(null, true);
            return;
        }
        TableColumn<AdminUserView, ?> first = view.getSortOrder().get(0);
        viewModel.sortBy((UsersSort) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private ContextMenu contextMenu() {
        MenuItem adjust = new MenuItem(messages.get("admin.users.adjust"));
        adjust.setId("admin-users-menu-adjust");
        adjust.setOnAction(event -> viewModel.adjust(selected.get()));
        MenuItem suspend = new MenuItem();
        suspend.setId("admin-users-menu-suspend");
        suspend.setOnAction(event -> viewModel.suspendOrUnsuspend(selected.get()));
        ContextMenu menu = new ContextMenu(adjust, suspend);
        menu.setOnShowing(event -> {
            AdminUserView user = selected.get();
            adjust.setDisable(user == null);
            suspend.setText(suspendText(user));
            suspend.setDisable(user == null || viewModel.isSelf(user));
        });
        return menu;
    }

    private static TableColumn<AdminUserView, String> plain(
            String title, Function<AdminUserView, String> text, double minWidth) {
        TableColumn<AdminUserView, String> column = TableColumns.text(title, text, minWidth);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<AdminUserView, String> sortable(
            String title, Function<AdminUserView, String> text, double minWidth, UsersSort sort) {
        TableColumn<AdminUserView, String> column = TableColumns.text(title, text, minWidth);
        column.setUserData(sort);
        column.setId("admin-users-sort-" + sort.wireName());
        return column;
    }

    /** The name in bold and the email under it. */
    private static final class NameCell extends TableCell<AdminUserView, AdminUserView> {

        private final UsersViewModel viewModel;
        private final Label name = new Label();
        private final Label email = new Label();
        private final VBox box = new VBox(1, name, email);

        NameCell(UsersViewModel viewModel) {
            this.viewModel = viewModel;
            name.getStyleClass().add(Styles.TEXT_BOLD);
            email.getStyleClass().add("card-detail");
        }

        @Override
        protected void updateItem(AdminUserView user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setGraphic(null);
                return;
            }
            name.setText(viewModel.label(user));
            email.setText(user.email());
            setGraphic(box);
        }
    }

    /** Active, or Suspended in red; admins are marked. */
    private static final class StatusCell extends TableCell<AdminUserView, AdminUserView> {

        private final UsersViewModel viewModel;

        StatusCell(UsersViewModel viewModel) {
            this.viewModel = viewModel;
        }

        @Override
        protected void updateItem(AdminUserView user, boolean empty) {
            super.updateItem(user, empty);
            getStyleClass().removeAll("tone-error", "tone-success");
            if (empty || user == null) {
                setText(null);
                return;
            }
            setText(viewModel.statusText(user));
            getStyleClass().add(viewModel.suspended(user) ? "tone-error" : "tone-success");
        }
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
