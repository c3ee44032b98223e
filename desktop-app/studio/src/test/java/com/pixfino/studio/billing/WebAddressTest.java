package com.pixfino.studio.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WebAddressTest {

    @Test
    void onlyWebPagesGoToTheBrowser() throws Exception {
        assertThat(WebAddress.checked("https://checkout.stripe.com/c/pay/cs_1#frag"))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_1#frag");
        assertThat(WebAddress.checked("http://127.0.0.1:7070/billing/success")).startsWith("http://127.0.0.1");
        for (String bad :
                new String[] {"file:///etc/passwd", "javascript:alert(1)", "calc.exe", "", null, "https://"}) {
            assertThatThrownBy(() -> WebAddress.checked(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IOException.class);
        }
    }
}
