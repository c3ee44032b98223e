package com.pixfino.studio.admin.dashboard;

import java.util.List;

/** What one chart shows, as plain data: named series of labelled values; the view makes fresh chart series of it. */
public record ChartData(List<Series> series) {

    public static final ChartData EMPTY = new ChartData(List.of());

    public ChartData {
        series = List.copyOf(series);
    }

    /** A single unnamed series of bars. */
    public static ChartData bars(List<Point> points) {
        return new ChartData(List.of(new Series("", points, false)));
    }

    /** One value at one category (a tier, a status, a day). */
    public record Point(String label, double value) {}

    /** A named line or set of bars; {@code target} draws it as the dashed target line. */
    public record Series(String name, List<Point> points, boolean target) {

        public Series {
            points = List.copyOf(points);
        }
    }
}
