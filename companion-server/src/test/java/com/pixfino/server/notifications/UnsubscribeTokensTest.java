package com.pixfino.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.domain.CursorKey;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unsubscribe tokens name one user and one mail, and nobody without the database's key can make or edit one. */
class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(new CursorKey(key(1)));

    @Test
    void aTokenReadsBackAsItsUserAndKind() {
        UUID user = UUID.randomUUID();
        for (NotificationKind kind : NotificationKind.values()) {
            String token = tokens.issue(user, kind);
            assertThat(token).startsWith(user + "." + kind.field() + ".");
            assertThat(tokens.read(token)).contains(new UnsubscribeTokens.Subscription(user, kind));
        }
    }

    @Test
    void anEditedForeignOrMalformedTokenReadsAsNothing() {
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user, NotificationKind.RECEIPTS);
        String tag = token.substring(token.lastIndexOf('.') + 1);
        assertThat(tokens.read(user + ".lowCredits." + tag)).as("another kind").isEmpty();
        assertThat(tokens.read(UUID.randomUUID() + ".receipts." + tag))
                .as("another user")
                .isEmpty();
        assertThat(tokens.read(token.toUpperCase())).isEmpty();
        assertThat(tokens.read(token + "0")).isEmpty();
        assertThat(tokens.read(new UnsubscribeTokens(new CursorKey(key(2))).issue(user, NotificationKind.RECEIPTS)))
                .as("signed by another database")
                .isEmpty();
        for (String bad :
                new String[] {null, "", "nonsense", "a.b.c", "..", token.replace(".", ","), "x".repeat(500)}) {
            assertThat(tokens.read(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void amountsUseTheCurrencysOwnDecimals() {
        assertThat(NotificationMails.amount(499, "usd")).isEqualTo("4.99 USD");
        assertThat(NotificationMails.amount(1200, "eur")).isEqualTo("12.00 EUR");
        assertThat(NotificationMails.amount(500, "jpy")).isEqualTo("500 JPY");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
