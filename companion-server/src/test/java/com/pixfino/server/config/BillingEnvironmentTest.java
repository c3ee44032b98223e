package com.pixfino.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.Tier;
import com.pixfino.server.billing.BillingSettings;
import com.pixfino.server.billing.CreditPack;
import com.pixfino.server.billing.StripeSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingEnvironmentTest {

    @Test
    void withoutAKeyBillingIsOffWithTheDefaultPacksAndThreshold() {
        BillingSettings billing = new ConfigLoader(Map.of()).load().billing();
        assertThat(billing.stripe()).isEmpty();
        assertThat(billing.packs()).isEqualTo(CreditPack.DEFAULTS);
        assertThat(billing.packs())
                .extracting(CreditPack::id)
                .containsExactly("pack-20", "pack-50", "pack-110", "pack-240");
        assertThat(billing.lowCreditThreshold()).isEqualTo(8);
        assertThat(billing.publicUrl()).isEmpty();
    }

    @Test
    void readsTheStripeSettings() {
        BillingSettings billing = new ConfigLoader(Map.of(
                        "STRIPE_SECRET_KEY", "sk_test_123",
                        "STRIPE_WEBHOOK_SECRET", "whsec_abc",
                        "STRIPE_PRICE_STARTER", "price_s",
                        "STRIPE_PRICE_PRO", "price_p",
                        "STRIPE_API_BASE", "http://127.0.0.1:12111/",
                        "PIXFINO_PUBLIC_URL", "https://pixfino.example.com",
                        "PIXFINO_LOW_CREDIT_THRESHOLD", "12",
                        "PIXFINO_PACKS", "small:10:2.50, big:100:20"))
                .load()
                .billing();
        StripeSettings stripe = billing.stripe().orElseThrow();
        assertThat(stripe.secretKey()).isEqualTo("sk_test_123");
        assertThat(stripe.webhookSecret()).isEqualTo("whsec_abc");
        assertThat(stripe.apiBase()).isEqualTo(URI.create("http://127.0.0.1:12111"));
        assertThat(stripe.priceOf(Tier.STARTER)).contains("price_s");
        assertThat(stripe.priceOf(Tier.BUSINESS)).isEmpty();
        assertThat(stripe.planOfPrice("price_p")).contains(Tier.PRO);
        assertThat(stripe.toString()).doesNotContain("sk_test_123").doesNotContain("whsec_abc");
        assertThat(billing.lowCreditThreshold()).isEqualTo(12);
        assertThat(billing.publicUrl()).contains(URI.create("https://pixfino.example.com"));
        assertThat(billing.packs())
                .containsExactly(
                        new CreditPack("small", 10, new BigDecimal("2.50")),
                        new CreditPack("big", 100, new BigDecimal("20.00")));
        assertThat(new ConfigLoader(Map.of("STRIPE_SECRET_KEY", "sk", "STRIPE_WEBHOOK_SECRET", "wh"))
                        .load()
                        .billing()
                        .stripe()
                        .orElseThrow()
                        .apiBase())
                .isEqualTo(URI.create("https://api.stripe.com"));
    }

    @Test
    void aKeyWithoutAWebhookSecretStopsStartUpNamingIt() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STRIPE_SECRET_KEY", "sk_test_123")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("STRIPE_WEBHOOK_SECRET is not set")
                .hasMessageNotContaining("sk_test_123");
    }

    @Test
    void badPacksAndThresholdsStopWithOneSentence() {
        Map<String, String> bad = Map.of(
                "pack-20:20", "is not id:credits:price",
                "Pack:20:4.99", "lower-case",
                "pro:20:4.99", "id of a plan",
                "a:20:4.99,a:30:5", "appears twice",
                "a:many:4.99", "whole number",
                "a:0:4.99", "between 1 and",
                "a:20:4.999", "at most two decimals",
                "a:20:-1", "above zero",
                "a:20:0", "above zero");
        bad.forEach((value, words) -> assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_PACKS", value)).load())
                .as(value)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_PACKS must list packs")
                .hasMessageContaining(words)
                .hasMessageEndingWith("."));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_LOW_CREDIT_THRESHOLD", "few")).load())
                .hasMessageStartingWith("PIXFINO_LOW_CREDIT_THRESHOLD must be a whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(
                                "STRIPE_SECRET_KEY", "sk",
                                "STRIPE_WEBHOOK_SECRET", "wh",
                                "STRIPE_API_BASE", "ftp://stripe"))
                        .load())
                .hasMessageStartingWith("STRIPE_API_BASE must be an http(s) URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(
                                "STRIPE_SECRET_KEY", "sk",
                                "STRIPE_WEBHOOK_SECRET", "wh",
                                "STRIPE_PRICE_STARTER", "price_x",
                                "STRIPE_PRICE_PRO", "price_x"))
                        .load())
                .hasMessageContaining("must be different prices");
    }
}
