package com.pixfino.server.notifications;

import com.pixfino.server.domain.CursorKey;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens of one-click unsubscribe links: {@code <user id>.<kind>.<tag>}, the tag an HMAC of the rest under the
 * database's {@link CursorKey} (its own prefix, so no cursor is ever a token). Nobody can make one for another user or
 * another kind, and no sign-in is needed to use one. They do not expire: a mail read a year later still unsubscribes.
 */
public final class UnsubscribeTokens {

    private static final String PURPOSE = "unsubscribe:";

    private final CursorKey key;

    public UnsubscribeTokens(CursorKey key) {
        this.key = key;
    }

    public String issue(UUID userId, NotificationKind kind) {
        String subject = userId + "." + kind.field();
        return subject + "." + HexFormat.of().formatHex(key.tag(PURPOSE + subject));
    }

    /** The user and mail a token names; empty for anything this server did not issue, or an edited token. */
    public Optional<Subscription> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].length() != CursorKey.TAG_BYTES * 2) {
            return Optional.empty();
        }
        try {
            UUID userId = UUID.fromString(parts[0]);
            Optional<NotificationKind> kind = NotificationKind.ofField(parts[1]);
            if (kind.isEmpty()
                    || !userId.toString().equals(parts[0])
                    || !parts[2].equals(parts[2].toLowerCase(Locale.ROOT))
                    || !key.verifies(
                            PURPOSE + parts[0] + "." + parts[1], HexFormat.of().parseHex(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(new Subscription(userId, kind.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whose mail of which kind a token turns off. */
    public record Subscription(UUID userId, NotificationKind kind) {}
}
