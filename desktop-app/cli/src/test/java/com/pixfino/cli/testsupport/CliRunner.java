package com.pixfino.cli.testsupport;

import com.pixfino.cli.Console;
import com.pixfino.cli.Interrupts;
import com.pixfino.cli.PixfinoCli;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in this JVM as a user would type it, without a terminal: stdin, the environment and the
 * servers are the test's; Ctrl+C is a button the test presses.
 */
public final class CliRunner implements AutoCloseable {

    private final ApiFactory apis;
    private final CompanionClients clients;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private final ManualInterrupts interrupts = new ManualInterrupts();

    public CliRunner() {
        this.clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
        this.apis = clients::forServer;
    }

    public CliRunner(ApiFactory apis) {
        this.clients = null;
        this.apis = apis;
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** What the user types (lines); empty means stdin is closed at once. */
    public CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    public ManualInterrupts interrupts() {
        return interrupts;
    }

    /** How a run ended: its exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Console console =
                new Console(outStream, errStream, new BufferedReader(new StringReader(stdin)), env, false, interrupts);
        int code = PixfinoCli.commandLine(console, apis).execute(args);
        outStream.flush();
        errStream.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }

    /** Ctrl+C for in-process runs: {@link #press()} does what the shutdown hook would, and returns its exit code. */
    public static final class ManualInterrupts implements Interrupts {

        private volatile Handler handler;

        @Override
        public Registration register(Handler onInterrupt) {
            handler = onInterrupt;
            return () -> handler = null;
        }

        public boolean armed() {
            return handler != null;
        }

        public int press() {
            Handler current = handler;
            if (current == null) {
                throw new IllegalStateException("no batch is running");
            }
            return current.interrupted();
        }
    }
}
