package com.pixfino.server.http;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A failure as a few lines for the log: each exception of the cause chain with its first frames and the first
 * frame of our own code, instead of hundreds of Jetty and Javalin frames per request.
 */
final class ShortTrace {

    static final int FRAMES = 4;
    static final int CAUSES = 5;
    private static final int MESSAGE = 300;
    private static final String OUR_CODE = "com.pixfino.";

    private ShortTrace() {}

    static String of(Throwable failure) {
        StringBuilder trace = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int depth = 0;
        for (Throwable t = failure; t != null && !seen.containsKey(t); t = t.getCause()) {
            seen.put(t, true);
            if (depth == CAUSES) {
                trace.append("\n  … further causes left out");
                break;
            }
            trace.append(depth == 0 ? "" : "\ncaused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                String message = t.getMessage().replaceAll("\\s+", " ");
                trace.append(": ").append(message.length() > MESSAGE ? message.substring(0, MESSAGE) + "…" : message);
            }
            appendFrames(trace, t.getStackTrace());
            depth++;
        }
        return trace.toString();
    }

    private static void appendFrames(StringBuilder trace, StackTraceElement[] frames) {
        int shown = Math.min(FRAMES, frames.length);
        boolean oursShown = false;
        for (int i = 0; i < shown; i++) {
            trace.append("\n    at ").append(frames[i]);
            oursShown |= frames[i].getClassName().startsWith(OUR_CODE);
        }
        int next = shown;
        if (!oursShown) {
            for (int i = shown; i < frames.length; i++) {
                if (frames[i].getClassName().startsWith(OUR_CODE)) {
                    trace.append("\n    … ")
                            .append(i - shown)
                            .append(" frames … at ")
                            .append(frames[i]);
                    next = i + 1;
                    break;
                }
            }
        }
        if (frames.length > next) {
            trace.append("\n    … ").append(frames.length - next).append(" more");
        }
    }
}
