package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.cli.Failures.Failure;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchRequestException;
import com.pixfino.studio.core.batch.NotEnoughCreditsException;
import com.pixfino.studio.core.batch.UnknownPresetException;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionHttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a command can stop maps to its documented exit code and a sentence without Java in it. */
class FailuresTest {

    private static final String SERVER = "http://127.0.0.1:7070";

    @Test
    void anUnreachableServerIsFour() {
        for (Exception error : List.of(
                new ConnectException("Connection refused"),
                new IOException("Failed to connect", new ConnectException("refused")),
                new SocketTimeoutException("timeout"),
                new UnknownHostException("nowhere.invalid"))) {
            Failure failure = Failures.of(error, SERVER);
            assertThat(failure.exitCode()).as(error.toString()).isEqualTo(ExitCode.SERVER);
            assertThat(failure.message())
                    .isEqualTo("Cannot reach the Pixfino server at http://127.0.0.1:7070. Start the studio or the"
                            + " server, or pass --server.");
        }
    }

    @Test
    void aRefusedKeyIsFourAndSaysWhereToMakeOne() {
        Failure unauthorized = Failures.of(
                new CompanionApiException(401, "unauthorized", "This API key is not valid: it was revoked."), SERVER);
        Failure readOnly = Failures.of(
                new CompanionApiException(403, "api_key_scope", "This API key has the read scope only."), SERVER);
        Failure notPixfino = Failures.of(new CompanionHttpException(404, "GET /api/v1/me answered 404"), SERVER);

        assertThat(unauthorized.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(unauthorized.message())
                .isEqualTo("The server refused the API key: This API key is not valid: it was revoked. Create one in"
                        + " the studio: Account → API access.");
        assertThat(readOnly.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(readOnly.message()).contains("read scope only", "Account → API access");
        assertThat(notPixfino.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(notPixfino.message()).contains("did not answer like a Pixfino server", "--server");
    }

    @Test
    void anAddressWithAPathIsFourAndSaysToDropThePath() {
        Failure wrongPath = Failures.of(
                new CompanionApiException(404, "not_found", "No such endpoint: GET /api/v1/api/v1/me."), SERVER);

        assertThat(wrongPath.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(wrongPath.message())
                .contains("/api/v1/api/v1/me", "without a path", "--server http://127.0.0.1:7070");
    }

    @Test
    void notEnoughCreditsIsThreeWithWhatIsNeededAndWhereToBuy() {
        BatchEstimate estimate = new BatchEstimate(3, 2, 6, 0, 6, 24, 10, null, List.of());

        Failure failure = Failures.of(new NotEnoughCreditsException("short", estimate), SERVER);
        Failure server = Failures.of(
                new CompanionApiException(402, "insufficient_credits", "You need 4 credits and have 1"), SERVER);

        assertThat(failure.exitCode()).isEqualTo(ExitCode.NOT_ENOUGH_CREDITS);
        assertThat(failure.message())
                .isEqualTo("Not enough credits: the batch needs 24 credits and your balance is 10 credits. Buy credits"
                        + " in the studio: Account → Plans & credits.");
        assertThat(server.exitCode()).isEqualTo(ExitCode.NOT_ENOUGH_CREDITS);
        assertThat(server.message())
                .isEqualTo("You need 4 credits and have 1. Buy credits in the studio: Account →" + " Plans & credits.");
    }

    @Test
    void wrongRequestsAreTwo() {
        Failure preset =
                Failures.of(new UnknownPresetException("snowy", List.of("cyberpunk", "snow-princess")), SERVER);
        Failure request = Failures.of(new BatchRequestException("The template leaves the output folder."), SERVER);
        Failure denied = Failures.of(new AccessDeniedException("/data/out"), SERVER);

        assertThat(preset.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(preset.message()).contains("snowy", "cyberpunk, snow-princess");
        assertThat(request.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(denied.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(denied.message())
                .isEqualTo(
                        "Permission denied: /data/out. Choose folders you can read (input) and" + " write (output).");
    }

    @Test
    void anythingElseIsOneAndNeverNamesAJavaType() {
        Failure failure = Failures.of(new IllegalStateException("manifest is locked"), SERVER);
        Failure bare = Failures.of(new NullPointerException(), SERVER);

        assertThat(failure.exitCode()).isEqualTo(ExitCode.ITEMS_LEFT);
        assertThat(failure.message()).contains("manifest is locked", "Run the same command again");
        assertThat(bare.message()).doesNotContain("NullPointer").doesNotContain("java.");
    }
}
