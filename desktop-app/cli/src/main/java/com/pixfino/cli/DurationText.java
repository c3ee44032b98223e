package com.pixfino.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them on a progress line: 0:42, 12:05, 1:02:03. */
final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
