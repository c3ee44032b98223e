package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.cli.testsupport.CliRunner;
import com.pixfino.cli.testsupport.CliRunner.Result;
import com.pixfino.cli.testsupport.RecordingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong command line ends with exit code 2 and a sentence that says what to fix, before any server is asked. */
class UsageTest {

    private final RecordingApi api = new RecordingApi(100);
    private final CliRunner cli = new CliRunner(api.factory()).env(ServerOptions.API_KEY_ENV, "pxf_fromEnv");

    @TempDir
    Path dir;

    @Test
    void helpAndVersionEndWithZero() {
        Result help = cli.run("--help");
        Result batchHelp = cli.run("batch", "--help");
        Result version = cli.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("batch", "presets", "balance", "Exit codes", "PIXFINO_API_KEY");
        assertThat(batchHelp.exitCode()).isZero();
        assertThat(batchHelp.out())
                .contains(
                        "--input",
                        "--output",
                        "--preset",
                        "--recursive",
                        "--watch",
                        "--dry-run",
                        "--yes",
                        "--overwrite",
                        "--max-credits",
                        "--concurrency",
                        "--name",
                        "--server",
                        "--api-key");
        assertThat(version.out()).startsWith("pixfino ").doesNotContain("${");
    }

    @Test
    void missingCommandOrOptionsAreUsageErrors() {
        Result none = cli.run();
        Result unknown = cli.run("frobnicate");
        Result missing = cli.run("batch", "--input", dir.toString());
        Result misspelt = cli.run("batch", "--bogus");
        Result badNumber =
                cli.run("batch", "--input", dir.toString(), "--output", "o", "--preset", "x", "--concurrency", "many");

        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("Missing a command");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--output", "--preset").contains("pixfino batch --help");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(misspelt.err()).contains("Unknown option: '--bogus'");
        assertThat(badNumber.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badNumber.err())
                .contains("Invalid value 'many' for --concurrency: it takes a whole number.")
                .doesNotContain(" int", " long");
        assertThat(api.servers())
                .as("no server is asked about a wrong command line")
                .isEmpty();
    }

    @Test
    void unusableFoldersAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path photos = Files.createDirectories(dir.resolve("photos"));

        Result noInput = batch(dir.resolve("missing"), dir.resolve("out"));
        Result inputIsFile = batch(file, dir.resolve("out"));
        Result outputIsFile = batch(photos, file);
        Result outputInsideFile = batch(photos, file.resolve("out"));
        Result outputIsInput = batch(photos, photos);

        assertThat(noInput.err()).contains("does not exist", "missing");
        assertThat(inputIsFile.err()).contains("must be a folder");
        assertThat(outputIsFile.err()).contains("--output must be a folder");
        assertThat(outputInsideFile.err()).contains("inside the file");
        assertThat(outputIsInput.err()).contains("must not be the input folder");
        for (Result result : new Result[] {noInput, inputIsFile, outputIsFile, outputInsideFile, outputIsInput}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        }
        assertThat(api.servers()).isEmpty();
    }

    @Test
    void badTemplatesNumbersAndServerAddressesAreUsageErrors() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path out = dir.resolve("out");

        Result placeholder = batch(photos, out, "--name", "{path}/{name}-{style}.{ext}");
        Result brace = batch(photos, out, "--name", "{path}/{name.{ext}");
        Result noExt = batch(photos, out, "--name", "{path}/{name}-{preset}.jpg");
        Result escape = batch(photos, out, "--name", "../{name}.{ext}");
        Result absolute = batch(photos, out, "--name", "/tmp/{name}.{ext}");
        Result concurrency = batch(photos, out, "--concurrency", "0");
        Result credits = batch(photos, out, "--max-credits", "-5");
        Result server = batch(photos, out, "--server", "not a url");

        assertThat(placeholder.err()).contains("{style}", "{path}, {name}, {preset} and {ext}");
        assertThat(brace.err()).contains("unmatched brace");
        assertThat(noExt.err()).contains("must end with .{ext}");
        assertThat(escape.err()).contains("'..'");
        assertThat(absolute.err()).contains("relative");
        assertThat(concurrency.err()).contains("between 1 and 16");
        assertThat(credits.err()).contains("0 or more");
        assertThat(server.err()).contains("Not a server address", "--server");
        for (Result result : new Result[] {placeholder, brace, noExt, escape, absolute, concurrency, credits, server}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private Result batch(Path input, Path output, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "batch";
        args[1] = "--input=" + input;
        args[2] = "--output=" + output;
        args[3] = "--preset";
        args[4] = "snow-princess";
        args[5] = "--dry-run";
        System.arraycopy(more, 0, args, 6, more.length);
        return cli.run(args);
    }
}
