package com.pixfino.cli;

/** A command cannot go on: {@code getMessage()} is the sentence for the user (what went wrong, what to do). */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.USAGE, message);
    }
}
