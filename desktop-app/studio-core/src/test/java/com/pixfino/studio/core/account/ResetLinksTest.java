package com.pixfino.studio.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResetLinksTest {

    private static final String TOKEN = "q3Z-9kLm_0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345";

    @Test
    void theTokenComesOutOfTheWholeLinkAsMailClientsCopyIt() {
        assertThat(ResetLinks.token("https://pixfino.example/reset-password?token=" + TOKEN))
                .contains(TOKEN);
        assertThat(ResetLinks.token("  <http://127.0.0.1:8080/reset-password?token=" + TOKEN + ">\n"))
                .contains(TOKEN);
        assertThat(ResetLinks.token(
                        "http://127.0.0.1:8080/reset-password?token=q3Z-9kLm_0aBcDeFgHi\n  JkLmNoPqRsTuVwXyZ012345"))
                .as("a link the mail client wrapped")
                .contains(TOKEN);
        assertThat(ResetLinks.token("https://x.example/reset-password?lang=en&token=" + TOKEN + "#top"))
                .contains(TOKEN);
    }

    @Test
    void theTokenAloneIsTakenAsItIs() {
        assertThat(ResetLinks.token(TOKEN + " ")).contains(TOKEN);
    }

    @Test
    void somethingElseIsNoToken() {
        assertThat(ResetLinks.token("")).isEmpty();
        assertThat(ResetLinks.token(null)).isEmpty();
        assertThat(ResetLinks.token("https://pixfino.example/reset-password")).isEmpty();
        assertThat(ResetLinks.token("https://pixfino.example/reset-password?token="))
                .isEmpty();
        assertThat(ResetLinks.token("hello")).isEmpty();
    }
}
