package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.cli.testsupport.CliJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar runs on its own: help, its POM version, and a clean refusal without a key in UTF-8, no stack trace.
 */
class CliJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarStartsAloneAndAnswersLikeTheCommandLine() throws Exception {
        try (CliJar help = CliJar.start(dir.resolve("help.log"), Map.of(), "--help");
                CliJar version = CliJar.start(dir.resolve("version.log"), Map.of(), "--version");
                // under the C locale too, logs get the arrow in UTF-8, not "?"
                CliJar noKey = CliJar.start(dir.resolve("nokey.log"), Map.of("LANG", "C", "LC_ALL", "C"), "balance")) {
            assertThat(help.exitCode(60)).as(help.log()).isZero();
            assertThat(help.log()).startsWith("Usage: pixfino").contains("batch", "presets", "balance", "Exit codes");
            assertThat(version.exitCode(60)).isZero();
            assertThat(version.log().strip()).matches("pixfino \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            assertThat(noKey.exitCode(60)).isEqualTo(ExitCode.SERVER);
            assertThat(noKey.log())
                    .isEqualTo("No API key: pass --api-key or set PIXFINO_API_KEY. Create one in the studio: Account →"
                            + " API access." + System.lineSeparator());
        }
    }
}
