package com.pixfino.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.providers.PriceTable;
import com.pixfino.server.providers.fal.FalSettings;
import com.pixfino.server.providers.openrouter.OpenRouterSettings;
import com.pixfino.server.providers.replicate.ReplicateSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider keys, base URLs, prices, webhooks and S3, read from the environment. */
class ProviderEnvironmentTest {

    private static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";

    @Test
    void withoutKeysNoProviderIsOfferedAndFilesStayOnDisk() {
        ServerConfig config = new ConfigLoader(Map.of()).load();
        assertThat(config.providers().replicate()).isEmpty();
        assertThat(config.providers().fal()).isEmpty();
        assertThat(config.providers().openRouter()).isEmpty();
        assertThat(config.s3()).isEmpty();
    }

    @Test
    void eachKeyOffersItsProviderAtTheRealServiceByDefault() {
        ServerConfig config = new ConfigLoader(
                        Map.of("REPLICATE_API_TOKEN", "r8_x", "FAL_KEY", "k:s", "OPENROUTER_API_KEY", "sk-or-x"))
                .load();

        ReplicateSettings replicate = config.providers().replicate().orElseThrow();
        assertThat(replicate.baseUrl()).isEqualTo(URI.create("https://api.replicate.com"));
        assertThat(replicate.webhookUrl()).isEmpty();
        FalSettings fal = config.providers().fal().orElseThrow();
        assertThat(fal.queueUrl()).isEqualTo(URI.create("https://queue.fal.run"));
        assertThat(fal.jwksUrl()).isEqualTo(FalSettings.DEFAULT_JWKS_URL);
        assertThat(config.providers().openRouter().map(OpenRouterSettings::baseUrl))
                .contains(URI.create("https://openrouter.ai/api/v1"));
        assertThat(config.providers().toString())
                .doesNotContain("r8_x")
                .doesNotContain("k:s")
                .doesNotContain("sk-or-x");
    }

    @Test
    void basesPricesAndWebhooksAreConfigurable() {
        ServerConfig config = new ConfigLoader(Map.of(
                        "REPLICATE_API_TOKEN",
                        "r8_x",
                        "REPLICATE_BASE_URL",
                        "http://127.0.0.1:9000/",
                        "REPLICATE_WEBHOOK_SECRET",
                        SECRET,
                        "REPLICATE_PRICES",
                        "acme/model=0.002/s,default=0.05/run",
                        "FAL_KEY",
                        "k:s",
                        "FAL_BASE_URL",
                        "http://127.0.0.1:9001",
                        "FAL_JWKS_URL",
                        "http://127.0.0.1:9001/jwks",
                        "PIXFINO_PUBLIC_URL",
                        "https://studio.example.com/"))
                .load();

        ReplicateSettings replicate = config.providers().replicate().orElseThrow();
        assertThat(replicate.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(replicate.webhookUrl())
                .contains(URI.create("https://studio.example.com/api/v1/providers/replicate/webhook"));
        assertThat(replicate.prices().priceOf("acme/model"))
                .isEqualTo(new PriceTable.Price(new BigDecimal("0.002"), PriceTable.Unit.SECOND));
        assertThat(replicate
                        .prices()
                        .priceOf("black-forest-labs/flux-kontext-pro")
                        .usd())
                .isEqualByComparingTo("0.04");
        assertThat(replicate.prices().cost("other/model", null)).isEqualByComparingTo("0.05");
        assertThat(replicate.toString()).doesNotContain(SECRET);
        assertThat(config.providers().fal().orElseThrow().webhookUrl())
                .contains(URI.create("https://studio.example.com/api/v1/providers/fal/webhook"));
    }

    @Test
    void replicateWebhooksNeedTheAccountSecret() {
        ServerConfig config = new ConfigLoader(
                        Map.of("REPLICATE_API_TOKEN", "r8_x", "PIXFINO_PUBLIC_URL", "https://studio.example.com"))
                .load();
        assertThat(config.providers().replicate().orElseThrow().webhookUrl())
                .as("unsigned webhooks could not be trusted: poll instead")
                .isEmpty();
    }

    @Test
    void s3IsUsedWhenABucketIsNamed() {
        ServerConfig config = new ConfigLoader(Map.of(
                        "PIXFINO_S3_BUCKET",
                        "pixfino",
                        "PIXFINO_S3_ENDPOINT",
                        "https://acct.r2.cloudflarestorage.com",
                        "PIXFINO_S3_REGION",
                        "auto",
                        "PIXFINO_S3_ACCESS_KEY",
                        "AKIA1",
                        "PIXFINO_S3_SECRET_KEY",
                        "s3cr3t",
                        "PIXFINO_S3_PATH_STYLE",
                        "true"))
                .load();

        var s3 = config.s3().orElseThrow();
        assertThat(s3.bucket()).isEqualTo("pixfino");
        assertThat(s3.endpoint()).contains(URI.create("https://acct.r2.cloudflarestorage.com"));
        assertThat(s3.region()).isEqualTo("auto");
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.linkLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s3.toString()).doesNotContain("s3cr3t").doesNotContain("AKIA1");
    }

    @Test
    void badValuesStopWithOneSentenceNamingTheSetting() {
        assertThatThrownBy(() ->
                        new ConfigLoader(Map.of("REPLICATE_API_TOKEN", "x", "REPLICATE_BASE_URL", "ftp://x")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("REPLICATE_BASE_URL must be an http(s) URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("REPLICATE_WEBHOOK_SECRET", "secret")).load())
                .hasMessageStartingWith("REPLICATE_WEBHOOK_SECRET must be the whsec_");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FAL_KEY", "k", "FAL_PRICES", "fal-ai/x=cheap")).load())
                .hasMessageStartingWith("FAL_PRICES must list model=price entries");
        assertThatThrownBy(
                        () -> new ConfigLoader(Map.of("PIXFINO_S3_BUCKET", "b", "PIXFINO_S3_ACCESS_KEY", "a")).load())
                .hasMessageStartingWith("PIXFINO_S3_ACCESS_KEY and PIXFINO_S3_SECRET_KEY go together");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_S3_ENDPOINT", "https://minio:9000")).load())
                .hasMessageStartingWith("PIXFINO_S3_BUCKET is not set");
        assertThatThrownBy(() ->
                        new ConfigLoader(Map.of("PIXFINO_S3_BUCKET", "b", "PIXFINO_S3_PATH_STYLE", "maybe")).load())
                .hasMessageStartingWith("PIXFINO_S3_PATH_STYLE must be true or false");
    }
}
