package com.pixfino.studio.admin.audit;

import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.studio.admin.AdminTitleControls;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The audit log table, newest first, with "Load more" for older actions. Binds and forwards only. */
public final class AuditView extends VBox implements ScreenActions.RefreshedWhenShown {

    private final AuditViewModel viewModel;

    public AuditView(AuditViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        setId("admin-audit-screen");
        getStyleClass().addAll("screen", "admin-audit");

        ProgressIndicator progress = AdminTitleControls.progress("admin-audit", viewModel.status());
        Button refresh = AdminTitleControls.refresh("admin-audit", messages, this::refresh);
        ScreenTitle title = new ScreenTitle(
                "admin-audit",
                messages.get("admin.audit.title"),
                Bindings.createStringBinding(
                        () -> messages.get(
                                "admin.audit.subtitle", viewModel.entries().size()),
                        viewModel.entries()),
                progress,
                refresh);
        Label status = Texts.statusLine("admin-audit-status", viewModel.status());

        TableView<AuditEntryView> table = new TableView<>(viewModel.entries());
        table.setId("admin-audit-table");
        table.getStyleClass().add("admin-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        table.getColumns().add(column(messages.get("admin.audit.column.time"), viewModel::when, 190));
        table.getColumns().add(column(messages.get("admin.audit.column.admin"), viewModel::adminText, 150));
        table.getColumns().add(column(messages.get("admin.audit.column.action"), viewModel::action, 130));
        table.getColumns().add(column(messages.get("admin.audit.column.target"), viewModel::target, 135));
        table.getColumns().add(column(messages.get("admin.audit.column.change"), viewModel::change, 215));
        table.getColumns().add(column(messages.get("admin.audit.column.reason"), viewModel::reason, 175));
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox moreRow = AdminTitleControls.loadMore(
                "admin-audit", messages, viewModel.status(), viewModel.moreProperty(), viewModel::loadMore);

        getChildren().addAll(title, status, table, moreRow);
    }

    // newest first is the server's order: the columns do not re-sort it
    private static TableColumn<AuditEntryView, String> column(
            String title, Function<AuditEntryView, String> text, double minWidth) {
        TableColumn<AuditEntryView, String> column = TableColumns.text(title, text, minWidth);
        column.setSortable(false);
        return column;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
