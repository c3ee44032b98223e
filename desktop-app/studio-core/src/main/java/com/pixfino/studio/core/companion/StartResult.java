package com.pixfino.studio.core.companion;

/** What became of an attempt to start the local companion server; {@code detail} is for people. */
public record StartResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** A child process was started and answers /health. */
        STARTED,
        /** Nothing to do: the server is remote, already answering, or no jar is configured. */
        NOT_NEEDED,
        JAR_MISSING,
        LAUNCH_FAILED,
        EXITED,
        TIMED_OUT
    }

    static StartResult of(Outcome outcome, String detail) {
        return new StartResult(outcome, detail);
    }
}
