package com.pixfino.cli;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code pixfino}: folder batches, presets and the balance, from a terminal or a script. */
@Command(
        name = "pixfino",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = PixfinoCli.Version.class,
        description = "Pixfino on the command line: run presets over whole folders, list presets, show the balance.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  everything asked for is done (or you declined to start)",
            "  1  some items failed, were canceled or are left (see the report)",
            "  2  bad usage: an option, a folder, a preset slug or a naming template",
            "  3  not enough credits (or the --max-credits cap is reached)",
            "  4  the server cannot be reached, or the API key is missing or refused",
            "",
            "The API key can also come from the " + ServerOptions.API_KEY_ENV + " environment variable.",
            "Run 'pixfino COMMAND --help' for a command's options."
        })
public final class PixfinoCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "Missing a command: batch, presets or balance (see 'pixfino --help').");
    }

    public static void main(String[] args) {
        Console console = Console.system();
        int code;
        try (CompanionClients clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE)) {
            code = commandLine(console, clients::forServer).execute(args);
        }
        System.exit(code);
    }

    /** The whole command tree, talking through {@code console} to the servers {@code apis} makes. */
    public static CommandLine commandLine(Console console, ApiFactory apis) {
        CommandLine cli = new CommandLine(new PixfinoCli())
                .addSubcommand(new BatchCommand(console, apis))
                .addSubcommand(new PresetsCommand(console, apis))
                .addSubcommand(new BalanceCommand(console, apis))
                .addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(console.outWriter());
        cli.setErr(console.errWriter());
        cli.setParameterExceptionHandler(PixfinoCli::usageError);
        cli.setExecutionExceptionHandler((error, line, parsed) -> failed(console, error, line));
        return cli;
    }

    private static int usageError(ParameterException error, String[] args) {
        CommandLine line = error.getCommandLine();
        String name = line.getCommandSpec().qualifiedName();
        String unknown = error instanceof CommandLine.MissingParameterException ? unknownOption(line, args) : null;
        line.getErr()
                .println(name + ": " + (unknown != null ? "Unknown option: '" + unknown + "'" : inProductWords(error)));
        line.getErr().println("Run '" + name + " --help' for the options.");
        return ExitCode.USAGE;
    }

    /**
     * picocli reports missing options before an unknown one; a mistyped option is the likelier cause, so it is named
     * first. Null when every option on the line is known.
     */
    private static String unknownOption(CommandLine line, String[] args) {
        boolean afterCommand = false;
        for (String arg : args) {
            if (!afterCommand) {
                afterCommand = arg.equals(line.getCommandName());
                continue;
            }
            if (arg.equals("--")) {
                return null;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (line.getCommandSpec().findOption(option) == null) {
                    return option;
                }
            }
        }
        return null;
    }

    /**
     * picocli names Java types when a value does not convert ("'abc' is not an int"); users are told what the option
     * takes instead.
     */
    static String inProductWords(ParameterException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (error.getArgSpec() != null && message.matches("(?s).*is not an? (int|long|short|byte)\\b.*")) {
            String option = error.getArgSpec().isOption()
                    ? ((CommandLine.Model.OptionSpec) error.getArgSpec()).longestName()
                    : error.getArgSpec().paramLabel();
            String value = error.getValue() == null ? "" : " '" + error.getValue() + "'";
            return "Invalid value" + value + " for " + option + ": it takes a whole number.";
        }
        return message;
    }

    private static int failed(Console console, Exception error, CommandLine line) {
        String server = line.getCommand() instanceof TalksToServer command
                ? command.serverOptions().serverText()
                : ServerOptions.DEFAULT_SERVER;
        Failures.Failure failure = Failures.of(error, server);
        console.err().println(failure.message());
        return failure.exitCode();
    }

    /** A command whose failures may name the server it talks to. */
    interface TalksToServer {
        ServerOptions serverOptions();
    }

    /** The version the POM gave the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = PixfinoCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"pixfino " + properties.getProperty("version", "(development)")};
        }
    }
}
