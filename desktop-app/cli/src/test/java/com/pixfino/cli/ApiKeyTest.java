package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.cli.testsupport.CliRunner;
import com.pixfino.cli.testsupport.CliRunner.Result;
import com.pixfino.cli.testsupport.RecordingApi;
import org.junit.jupiter.api.Test;

/** The API key comes from --api-key or PIXFINO_API_KEY (the option wins), and is never printed. */
class ApiKeyTest {

    private final RecordingApi api = new RecordingApi(42);

    @Test
    void theEnvironmentGivesTheKeyWhenTheOptionDoesNot() {
        Result result = new CliRunner(api.factory())
                .env(ServerOptions.API_KEY_ENV, "pxf_fromEnv")
                .run("balance");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("42 credits" + System.lineSeparator());
        assertThat(api.tokens()).containsExactly("pxf_fromEnv");
        assertThat(api.servers()).containsExactly(ServerOptions.DEFAULT_SERVER);
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        Result result = new CliRunner(api.factory())
                .env(ServerOptions.API_KEY_ENV, "pxf_fromEnv")
                .run("balance", "--api-key", "pxf_fromOption", "--server", "http://127.0.0.1:9999/");

        assertThat(result.exitCode()).isZero();
        assertThat(api.tokens()).containsExactly("pxf_fromOption");
        assertThat(api.servers()).containsExactly("http://127.0.0.1:9999");
        assertThat(result.out() + result.err()).doesNotContain("pxf_from");
    }

    @Test
    void withoutAKeyBalanceAndBatchSayHowToGetOne() {
        CliRunner cli = new CliRunner(api.factory()).env(ServerOptions.API_KEY_ENV, " ");

        Result balance = cli.run("balance");
        Result batch = cli.run("batch", "--input", ".", "--output", "target/no-key-out", "--preset", "x");

        for (Result result : new Result[] {balance, batch}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SERVER);
            assertThat(result.err())
                    .contains("No API key: pass --api-key or set PIXFINO_API_KEY")
                    .contains("Account → API access");
        }
        assertThat(api.tokens()).isEmpty();
    }

    @Test
    void somethingThatIsNotAnApiKeyIsRefusedBeforeItIsSent() {
        Result result = new CliRunner(api.factory()).run("balance", "--api-key", "my-password");

        assertThat(result.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(result.err()).contains("not a Pixfino API key: they start with pxf_", "Account → API access");
        assertThat(result.err()).doesNotContain("my-password");
        assertThat(api.tokens()).isEmpty();
    }

    @Test
    void presetsNeedNoKey() {
        Result result = new CliRunner(api.factory()).run("presets");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("SLUG");
        assertThat(api.tokens()).containsExactly((String) null);
    }
}
