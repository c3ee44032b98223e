package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchRequestException;
import com.pixfino.studio.core.batch.NotEnoughCreditsException;
import com.pixfino.studio.core.batch.UnknownPresetException;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionHttpException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;

/**
 * Turns what stopped a command into an exit code and one sentence for the user that says what to do; never a Java
 * type name or a stack trace.
 */
public final class Failures {

    static final String KEY_HELP = "Create one in the studio: Account → API access.";

    private Failures() {}

    /** What the user is told and the code the process ends with. */
    public record Failure(int exitCode, String message) {}

    /** {@code server}: the server's address as the user gave it, for the "cannot reach" sentence. */
    public static Failure of(Throwable error, String server) {
        if (error instanceof CommandFailure failure) {
            return new Failure(failure.exitCode(), failure.getMessage());
        }
        if (error instanceof NotEnoughCreditsException credits) {
            return new Failure(ExitCode.NOT_ENOUGH_CREDITS, notEnough(credits));
        }
        if (error instanceof UnknownPresetException || error instanceof BatchRequestException) {
            return new Failure(ExitCode.USAGE, error.getMessage());
        }
        if (error instanceof CompanionApiException api) {
            return refusal(api);
        }
        if (error instanceof CompanionHttpException http) {
            return new Failure(
                    ExitCode.SERVER,
                    "The server at " + server + " did not answer like a Pixfino server (HTTP " + http.statusCode()
                            + "). Check --server.");
        }
        if (error instanceof FileSystemException files) {
            return new Failure(ExitCode.USAGE, fileProblem(files));
        }
        if (isNetwork(error)) {
            return new Failure(ExitCode.SERVER, unreachable(server));
        }
        if (error instanceof IllegalArgumentException wrong && wrong.getMessage() != null) {
            return new Failure(ExitCode.USAGE, wrong.getMessage());
        }
        String detail = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new Failure(
                ExitCode.ITEMS_LEFT,
                "The command stopped" + detail
                        + ". Run the same command again: finished items are kept and not paid for twice.");
    }

    private static String notEnough(NotEnoughCreditsException error) {
        BatchEstimate estimate = error.estimate();
        String shortfall = estimate == null ? null : EstimateText.shortfall(estimate);
        if (shortfall != null) {
            return shortfall;
        }
        return sentence(error.getMessage()) + " Buy credits in the studio: Account → Plans & credits.";
    }

    public static String unreachable(String server) {
        return "Cannot reach the Pixfino server at " + server + ". Start the studio or the server, or pass --server.";
    }

    private static Failure refusal(CompanionApiException api) {
        if (api.isUnauthorized()) {
            return new Failure(
                    ExitCode.SERVER, "The server refused the API key: " + sentence(api.getMessage()) + " " + KEY_HELP);
        }
        if (api.statusCode() == 403) {
            return new Failure(ExitCode.SERVER, sentence(api.getMessage()) + " " + KEY_HELP);
        }
        if (api.statusCode() == 404) {
            // the command's first calls (/me, /presets) exist on every Pixfino server: the address has a wrong path
            return new Failure(
                    ExitCode.SERVER,
                    "The server answered that "
                            + sentence(api.getMessage()).replace("No such endpoint", "there is no endpoint")
                            + " Pass the server's address without a path, e.g. --server " + ServerOptions.DEFAULT_SERVER
                            + ".");
        }
        if (api.statusCode() == 402 || "insufficient_credits".equals(api.code())) {
            return new Failure(
                    ExitCode.NOT_ENOUGH_CREDITS,
                    sentence(api.getMessage()) + " Buy credits in the studio: Account → Plans & credits.");
        }
        return new Failure(ExitCode.ITEMS_LEFT, sentence(api.getMessage()));
    }

    /** The server's sentences usually end with a full stop; ours follow them. */
    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given.";
        }
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }

    private static String fileProblem(FileSystemException error) {
        String file = error.getFile() == null ? "a file" : error.getFile();
        if (error instanceof AccessDeniedException) {
            return "Permission denied: " + file + ". Choose folders you can read (input) and write (output).";
        }
        if (error instanceof NoSuchFileException) {
            return "Not found: " + file + ". Check the --input and --output folders.";
        }
        String reason = error.getReason() == null ? "" : " (" + error.getReason() + ")";
        return "Cannot use " + file + reason + ". Check the --input and --output folders.";
    }

    /** The connection failed or broke, as opposed to the server refusing or a local file being unusable. */
    static boolean isNetwork(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketException
                    || t instanceof UnknownHostException
                    || t instanceof InterruptedIOException
                    || t instanceof SSLException
                    || t instanceof ProtocolException) {
                return true;
            }
        }
        return error instanceof IOException
                && error.getCause() == null
                && error.getClass() == IOException.class
                && error.getMessage() != null
                && (error.getMessage().contains("unexpected end of stream")
                        || error.getMessage().contains("Connection"));
    }
}
