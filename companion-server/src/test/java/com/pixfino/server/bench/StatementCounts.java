package com.pixfino.server.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the database executed during a measured window, per unit of work: pg_stat_statements calls
 * (each a round trip for pgjdbc, except a BEGIN, which rides in the packet of the statement after it; pgjdbc's
 * COMMIT is not always listed there, so explicit transactions are counted by their BEGIN)
 * and pg_stat_database commits. Counts everything the server did meanwhile (job steps, queue polling,
 * heartbeats), which is the point: that work shares the cores with the creates. The benches' own queries
 * carry a {@code bench} comment and are left out.
 */
final class StatementCounts {

    /** One normalised statement and what it cost in the window. */
    record Row(long calls, double totalMillis, long rows, String query) {}

    // opened ahead of the window: a first connection of a cold JVM takes a second or more on a busy machine
    private final Connection connection;
    private long commitsBefore;
    private long rollbacksBefore;

    private StatementCounts(Connection connection) {
        this.connection = connection;
    }

    /** Connects now; {@link #start} and {@link #end} then only run their queries. */
    static StatementCounts connect(String url, String user) throws SQLException {
        StatementCounts counts = new StatementCounts(DriverManager.getConnection(url, user, null));
        counts.start();
        return counts;
    }

    /** Resets pg_stat_statements and remembers the database's commit counters: the window starts now. */
    void start() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
            try (ResultSet r = s.executeQuery(
                    "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                r.next();
                commitsBefore = r.getLong(1);
                rollbacksBefore = r.getLong(2);
            }
        }
    }

    /** What ran since {@link #start}, read now; closes the connection. */
    Window end() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connection;
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT calls, total_exec_time, rows, query FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND query NOT LIKE '%pg_stat%' AND query NOT LIKE '%/* bench */%' ORDER BY calls DESC")) {
                while (r.next()) {
                    rows.add(new Row(
                            r.getLong(1),
                            r.getDouble(2),
                            r.getLong(3),
                            r.getString(4).replaceAll("\\s+", " ").trim()));
                }
            }
            // other backends publish commit counts up to ~1 s late; the lag at the window's start offsets the one at
            // its end
            try (ResultSet r = s.executeQuery(
                    "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                r.next();
                return new Window(rows, r.getLong(1) - commitsBefore, r.getLong(2) - rollbacksBefore);
            }
        }
    }

    /** The statements and commits of one window. */
    record Window(List<Row> rows, long commits, long rollbacks) {

        /** Prints the statements, most frequent first, per {@code units} (e.g. accepted creates). */
        void print(PrintStream out, long units, String unitName) {
            double per = Math.max(1, units);
            long statements = rows.stream().mapToLong(Row::calls).sum();
            long begins = rows.stream()
                    .filter(r -> r.query().equalsIgnoreCase("BEGIN"))
                    .mapToLong(Row::calls)
                    .sum();

            double totalMillis =
                    Math.max(1e-9, rows.stream().mapToDouble(Row::totalMillis).sum());
            out.printf(
                    Locale.ROOT,
                    "sql per %s (%d %ss in the window): statements=%.2f round_trips=%.2f (BEGIN rides along) "
                            + "commits=%.2f (of them explicit transactions, one BEGIN each: %.2f) rollbacks=%.3f db_exec_ms=%.2f%n",
                    unitName,
                    units,
                    unitName,
                    statements / per,
                    (statements - begins) / per,
                    commits / per,
                    begins / per,
                    rollbacks / per,
                    totalMillis / per);
            out.printf(
                    Locale.ROOT, "  %9s %9s %7s  %s%n", "calls/" + unitName.charAt(0), "mean_ms", "time", "statement");
            for (Row row : rows) {
                if (row.calls() / per < 0.005) {
                    continue;
                }
                String query = row.query().length() > 150 ? row.query().substring(0, 150) + "…" : row.query();
                out.printf(
                        Locale.ROOT,
                        "  %9.3f %9.3f %6.1f%%  %s%n",
                        row.calls() / per,
                        row.totalMillis() / row.calls(),
                        100 * row.totalMillis() / totalMillis,
                        query);
            }
        }
    }
}
