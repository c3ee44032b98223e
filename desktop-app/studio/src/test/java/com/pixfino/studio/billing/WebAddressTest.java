package com.pixfino.studio.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebAddressTest {

    @Test
    void onlyWebPagesGoToTheBrowser() {
        assertThat(WebAddress.checked("https://checkout.stripe.com/c/pay/cs_1#frag"))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_1#frag");
        assertThat(WebAddress.checked("http://127.0.0.1:7070/billing/success")).startsWith("http://127.0.0.1");
        for (String bad :
                new String[] {"file:///etc/passwd", "javascript:alert(1)", "calc.exe", "", null, "https://"}) {
            assertThatThrownBy(() -> WebAddress.checked(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBrowserThatFailsKeepsTheAddressForTheUser() {
        assertThatThrownBy(() -> WebAddress.open(
                        url -> {
                            throw new java.io.IOException("no browser is installed");
                        },
                        "https://billing.stripe.test/p/1"))
                .isInstanceOfSatisfying(WebAddress.BrowserFailure.class, failure -> {
                    assertThat(failure.url()).isEqualTo("https://billing.stripe.test/p/1");
                    assertThat(failure.getMessage()).isEqualTo("no browser is installed");
                    assertThat(failure).isNotInstanceOf(java.io.IOException.class);
                });
    }
}
