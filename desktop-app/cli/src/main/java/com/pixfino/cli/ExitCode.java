package com.pixfino.cli;

/** The command line's exit codes, as the README documents them for scripts. */
public final class ExitCode {

    /** Everything asked for is done (or nothing was started because the user declined). */
    public static final int OK = 0;
    /** Some items failed, were canceled or are left; the report lists them. */
    public static final int ITEMS_LEFT = 1;
    /** The command line itself is wrong: an option, a folder, a preset slug, a naming template. */
    public static final int USAGE = 2;
    /** The balance (or the --max-credits cap) cannot pay for the work. */
    public static final int NOT_ENOUGH_CREDITS = 3;
    /** The server cannot be reached, or it refused the API key (or there is none). */
    public static final int SERVER = 4;

    private ExitCode() {}
}
