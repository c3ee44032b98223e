package com.pixfino.server.limits;

import java.time.Duration;

/** A wait in words: "1 second", "42 seconds", "15 minutes", "2 hours". */
final class Waits {

    private Waits() {}

    static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 90) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return plural(minutes, "minute");
        }
        return plural((minutes + 59) / 60, "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
