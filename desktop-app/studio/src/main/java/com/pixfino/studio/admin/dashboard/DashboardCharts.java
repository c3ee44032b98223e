package com.pixfino.studio.admin.dashboard;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/**
 * The dashboard's JavaFX charts: animation off and brand-new series on every redraw, because charts that reuse or
 * animate series with live data draw stale or doubled points (JDK-8088998, MyBox #425).
 */
final class DashboardCharts {

    private static final double HEIGHT = 250;

    private DashboardCharts() {}

    static BarChart<String, Number> bars(String id) {
        CategoryAxis x = new CategoryAxis();
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        y.setForceZeroInRange(true);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(18);
        chart.setPrefHeight(HEIGHT);
        chart.setMinHeight(HEIGHT);
        chart.getStyleClass().add("dashboard-chart");
        return chart;
    }

    /** Bars lying down, their names on the left: for categories whose names are too long to stand side by side. */
    static BarChart<Number, String> lyingBars(String id) {
        NumberAxis x = new NumberAxis();
        x.setAnimated(false);
        x.setForceZeroInRange(true);
        x.setMinorTickVisible(false);
        // thousands as "1.2k": full numbers side by side run into each other on a half-width chart
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                if (Math.abs(v) < 1000) {
                    return Long.toString(Math.round(v));
                }
                String thousands = String.format(java.util.Locale.ROOT, "%.1f", v / 1000);
                return (thousands.endsWith(".0") ? thousands.substring(0, thousands.length() - 2) : thousands) + "k";
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        CategoryAxis y = new CategoryAxis();
        y.setAnimated(false);
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(6);
        chart.setPrefHeight(HEIGHT);
        chart.setMinHeight(HEIGHT);
        chart.getStyleClass().add("dashboard-chart");
        return chart;
    }

    static void showLyingBars(BarChart<Number, String> chart, ChartData data) {
        ObservableList<XYChart.Series<Number, String>> fresh = FXCollections.observableArrayList();
        for (ChartData.Series series : data.series()) {
            XYChart.Series<Number, String> made = new XYChart.Series<>();
            made.setName(series.name());
            // the first category at the top, as it reads in the other charts from the left
            for (int i = series.points().size() - 1; i >= 0; i--) {
                ChartData.Point point = series.points().get(i);
                made.getData().add(new XYChart.Data<>(point.value(), point.label()));
            }
            fresh.add(made);
        }
        chart.setData(fresh);
    }

    static LineChart<Number, Number> days(String id) {
        NumberAxis x = new NumberAxis();
        x.setAnimated(false);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(HEIGHT);
        chart.setMinHeight(HEIGHT);
        chart.getStyleClass().add("dashboard-chart");
        return chart;
    }

    static void showBars(BarChart<String, Number> chart, ChartData data) {
        ObservableList<XYChart.Series<String, Number>> fresh = FXCollections.observableArrayList();
        for (ChartData.Series series : data.series()) {
            XYChart.Series<String, Number> made = new XYChart.Series<>();
            made.setName(series.name());
            for (ChartData.Point point : series.points()) {
                made.getData().add(new XYChart.Data<>(point.label(), point.value()));
            }
            fresh.add(made);
        }
        chart.setData(fresh);
    }

    /** Days as 0…n−1 on a number axis, so the axis labels every week instead of crowding 30 dates. */
    static void showDays(LineChart<Number, Number> chart, ChartData data) {
        ObservableList<XYChart.Series<Number, Number>> fresh = FXCollections.observableArrayList();
        List<ChartData.Point> labels =
                data.series().isEmpty() ? List.of() : data.series().get(0).points();
        for (ChartData.Series series : data.series()) {
            XYChart.Series<Number, Number> made = new XYChart.Series<>();
            made.setName(series.name());
            int i = 0;
            for (ChartData.Point point : series.points()) {
                made.getData().add(new XYChart.Data<>(i++, point.value()));
            }
            fresh.add(made);
        }
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setLowerBound(0);
        x.setUpperBound(Math.max(1, labels.size() - 1));
        x.setTickUnit(7);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                int i = index.intValue();
                return i >= 0 && i < labels.size() ? labels.get(i).label() : "";
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        chart.setData(fresh);
        // the series' line and legend entry exist once the chart has it: the target's are dashed by CSS
        for (int i = 0; i < data.series().size(); i++) {
            ChartData.Series series = data.series().get(i);
            if (series.target() && fresh.get(i).getNode() != null) {
                fresh.get(i).getNode().getStyleClass().add("target-line");
                for (Node item : chart.lookupAll(".chart-legend-item")) {
                    if (item instanceof Label label
                            && series.name().equals(label.getText())
                            && label.getGraphic() != null) {
                        label.getGraphic().getStyleClass().add("target-legend");
                    }
                }
            }
        }
    }
}
