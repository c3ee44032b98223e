package com.pixfino.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command reads and writes: its output and error streams, the answers typed on stdin, the environment and
 * whether a person watches a terminal. Tests hand in their own.
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final Map<String, String> env;
    private final boolean terminal;
    private final Interrupts interrupts;

    public Console(
            PrintStream out,
            PrintStream err,
            BufferedReader in,
            Map<String, String> env,
            boolean terminal,
            Interrupts interrupts) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.interrupts = interrupts;
    }

    /**
     * The process's own streams; a terminal when both stdin and stdout are one (the JVM's console exists). Logs and
     * pipes get UTF-8 whatever the locale (under LANG=C the JVM would print "→" and "×" as "?"); a terminal keeps the
     * encoding the JVM found for it.
     */
    public static Console system() {
        boolean terminal = System.console() != null;
        PrintStream out = terminal ? System.out : utf8(new FileOutputStream(FileDescriptor.out));
        PrintStream err = terminal ? System.err : utf8(new FileOutputStream(FileDescriptor.err));
        return new Console(
                out,
                err,
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                System.getenv(),
                terminal,
                Interrupts.shutdownHook());
    }

    private static PrintStream utf8(FileOutputStream stream) {
        return new PrintStream(new BufferedOutputStream(stream), true, StandardCharsets.UTF_8);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public PrintWriter outWriter() {
        return new PrintWriter(out, true);
    }

    public PrintWriter errWriter() {
        return new PrintWriter(err, true);
    }

    /** An environment variable, or null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean terminal() {
        return terminal;
    }

    public Interrupts interrupts() {
        return interrupts;
    }

    /** One line typed by the user, or null at the end of the input (a closed stdin counts as "no"). */
    public String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
