package com.pixfino.studio.admin.dashboard;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.admin.AdminTitleControls;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The admin dashboard: KPI cards and the charts, redrawn from fresh series on each refresh. Binds and forwards only. */
public final class DashboardView extends ScrollPane implements ScreenActions.RefreshedWhenShown {

    private final DashboardViewModel viewModel;
    private final Messages messages;

    public DashboardView(DashboardViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("admin-dashboard-screen");
        setFitToWidth(true);
        getStyleClass().addAll("admin-scroll", "edge-to-edge");

        ProgressIndicator progress = AdminTitleControls.progress("admin-dashboard", viewModel.status());
        Button refresh = AdminTitleControls.refresh("admin-dashboard", messages, this::refresh);
        refresh.disableProperty().bind(viewModel.status().busyProperty());
        ScreenTitle title = new ScreenTitle(
                "admin-dashboard",
                messages.get("admin.dashboard.title"),
                Bindings.createStringBinding(
                        () -> viewModel.updatedProperty().get().isEmpty()
                                ? messages.get("admin.dashboard.subtitle")
                                : messages.get(
                                        "admin.dashboard.subtitleUpdated",
                                        viewModel.updatedProperty().get()),
                        viewModel.updatedProperty()),
                progress,
                refresh);

        Label status = Texts.statusLine("admin-dashboard-status", viewModel.status(), "notice");

        VBox screen = new VBox(title, status, kpis(), referrals(), charts());
        screen.getStyleClass().addAll("screen", "admin-dashboard");
        setContent(screen);
    }

    private GridPane kpis() {
        GridPane cards = new GridPane();
        cards.setId("admin-kpis");
        cards.getStyleClass().add("admin-kpis");
        cards.add(
                kpi("users", "admin.dashboard.kpi.users", viewModel::registeredUsers, viewModel::registeredUsersDetail),
                0,
                0);
        cards.add(
                kpi("active", "admin.dashboard.kpi.active", viewModel::activeUsers, viewModel::activeUsersDetail),
                1,
                0);
        cards.add(
                kpi(
                        "generations",
                        "admin.dashboard.kpi.generations",
                        viewModel::generations,
                        viewModel::generationsDetail),
                2,
                0);
        cards.add(
                kpi(
                        "subscriptions",
                        "admin.dashboard.kpi.subscriptions",
                        viewModel::paidSubscriptions,
                        viewModel::paidSubscriptionsDetail),
                3,
                0);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            column.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(column);
        }
        return cards;
    }

    /** Referral figures (issue 16): one card of three, hidden while the server sends none (an older server). */
    private VBox referrals() {
        Label heading = new Label(messages.get("admin.dashboard.referrals.title"));
        heading.getStyleClass().add("card-title");
        HBox figures = new HBox(
                36,
                figure("joined", "admin.dashboard.referrals.joined", viewModel::referralsJoined),
                figure("rewarded", "admin.dashboard.referrals.rewarded", viewModel::referralsRewarded),
                figure("credits", "admin.dashboard.referrals.credits", viewModel::referralsCredits));
        figures.setAlignment(Pos.BOTTOM_LEFT);
        VBox card = new VBox(4, heading, figures);
        card.setId("admin-referrals");
        card.getStyleClass().addAll("account-card", "admin-kpi");
        card.visibleProperty().bind(viewModel.referralsProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private HBox figure(String name, String captionKey, Supplier<String> value) {
        Label figure = new Label();
        figure.setId("admin-referrals-" + name);
        figure.getStyleClass().add("card-value");
        figure.textProperty().bind(Bindings.createStringBinding(value::get, viewModel.referralsProperty()));
        Label caption = new Label(messages.get(captionKey));
        caption.getStyleClass().add("card-detail");
        HBox pair = new HBox(8, figure, caption);
        pair.setAlignment(Pos.BASELINE_LEFT);
        return pair;
    }

    private VBox kpi(String name, String titleKey, Supplier<String> value, Supplier<String> detail) {
        Label heading = new Label(messages.get(titleKey));
        heading.getStyleClass().add("card-title");
        Label figure = new Label();
        figure.setId("admin-kpi-" + name + "-value");
        figure.getStyleClass().add("card-value");
        figure.textProperty().bind(Bindings.createStringBinding(value::get, viewModel.statsProperty()));
        Label line = Texts.wrapping(new Label());
        line.setId("admin-kpi-" + name + "-detail");
        line.getStyleClass().add("card-detail");
        line.textProperty().bind(Bindings.createStringBinding(detail::get, viewModel.statsProperty()));
        VBox card = new VBox(heading, figure, line);
        card.setId("admin-kpi-" + name);
        card.getStyleClass().addAll("account-card", "admin-kpi");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private GridPane charts() {
        BarChart<String, Number> tiers = DashboardCharts.bars("admin-chart-users-by-tier");
        BarChart<String, Number> statuses = DashboardCharts.bars("admin-chart-generations-by-status");
        BarChart<Number, String> credits = DashboardCharts.lyingBars("admin-chart-credits");
        BarChart<String, Number> subscriptions = DashboardCharts.bars("admin-chart-subscriptions-by-tier");
        LineChart<Number, Number> spent = DashboardCharts.days("admin-chart-credits-spent");
        LineChart<Number, Number> cost = DashboardCharts.days("admin-chart-cost");
        LineChart<Number, Number> newUsers = DashboardCharts.days("admin-chart-new-users");
        LineChart<Number, Number> generations = DashboardCharts.days("admin-chart-daily-generations");

        GridPane grid = new GridPane();
        grid.setId("admin-charts");
        grid.getStyleClass().add("admin-charts");
        grid.add(card("admin.dashboard.chart.usersByTier", null, tiers), 0, 0);
        grid.add(card("admin.dashboard.chart.generationsByStatus", null, statuses), 1, 0);
        grid.add(card("admin.dashboard.chart.credits", "admin.dashboard.chart.creditsHint", credits), 0, 1);
        grid.add(card("admin.dashboard.chart.subscriptionsByTier", null, subscriptions), 1, 1);
        grid.add(card("admin.dashboard.chart.creditsSpent", "admin.dashboard.chart.last30Target", spent), 0, 2);
        grid.add(card("admin.dashboard.chart.cost", "admin.dashboard.chart.costHint", cost), 1, 2);
        Label metrics = new Label(messages.get("admin.dashboard.metrics"));
        metrics.getStyleClass().add(Styles.TITLE_4);
        Label metricsHint = Texts.wrapping(new Label(messages.get("admin.dashboard.metricsHint")));
        metricsHint.getStyleClass().add("card-detail");
        grid.add(new VBox(2, metrics, metricsHint), 0, 3, 2, 1);
        grid.add(card("admin.dashboard.chart.newUsers", "admin.dashboard.chart.last30Target", newUsers), 0, 4);
        grid.add(
                card("admin.dashboard.chart.dailyGenerations", "admin.dashboard.chart.last30Target", generations),
                1,
                4);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }

        // an invalidation listener: a refresh with the same figures (equal records) still draws fresh series
        viewModel.chartsProperty().addListener(observable -> {
            DashboardViewModel.Charts now = viewModel.chartsProperty().get();
            DashboardCharts.showBars(tiers, now.usersByTier());
            DashboardCharts.showBars(statuses, now.generationsByStatus());
            DashboardCharts.showLyingBars(credits, now.credits());
            DashboardCharts.showBars(subscriptions, now.subscriptionsByTier());
            DashboardCharts.showDays(spent, now.creditsSpent());
            DashboardCharts.showDays(cost, now.cost());
            DashboardCharts.showDays(newUsers, now.newUsers());
            DashboardCharts.showDays(generations, now.dailyGenerations());
        });
        return grid;
    }

    private VBox card(String titleKey, String hintKey, Node chart) {
        Label heading = new Label(messages.get(titleKey));
        heading.getStyleClass().add("chart-title");
        VBox card = new VBox(2, heading);
        if (hintKey != null) {
            Label hint = Texts.wrapping(new Label(messages.get(hintKey)));
            hint.getStyleClass().add("card-detail");
            card.getChildren().add(hint);
        }
        card.getChildren().add(chart);
        card.getStyleClass().addAll("account-card", "chart-card");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
