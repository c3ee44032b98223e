package com.pixfino.model.api.admin;

import java.util.List;

/** {@code GET /api/v1/admin/stats/daily?days=}: one entry per UTC day, oldest first, today last, empty days included. */
public record AdminDailyStats(List<Day> days) {

    public AdminDailyStats {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /**
     * One UTC day ({@code date} as YYYY-MM-DD): credits spent (debits − refunds), generations created, accounts
     * registered, the estimated provider cost (credits spent × the configured cost per credit) and the provider cost
     * recorded on that day's generations, both in USD as decimal strings.
     */
    public record Day(
            String date,
            long creditsSpent,
            long generations,
            long newUsers,
            String estimatedCostUsd,
            String actualCostUsd) {}
}
