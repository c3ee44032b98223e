package com.pixfino.server.domain;

import static com.pixfino.server.db.jooq.Tables.USERS;

import java.util.UUID;
import org.jooq.DSLContext;

/** What needs a verified email (buying, API keys) asks here; free credits never do. */
public final class VerifiedEmail {

    private VerifiedEmail() {}

    /**
     * @param what what is refused, starting the sentence: "Buying credits"
     * @throws DomainException FORBIDDEN {@code email_unverified} while the account's address is not verified
     */
    public static void require(DSLContext ctx, UUID userId, String what) {
        boolean verified = ctx.fetchExists(USERS, USERS.ID.eq(userId).and(USERS.EMAIL_VERIFIED_AT.isNotNull()));
        if (!verified) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "email_unverified",
                    what + " needs a verified email address. Open the link we mailed you when you signed up, or ask"
                            + " for a new one (POST /api/v1/auth/verify-email/resend, or Account in Pixfino Studio).");
        }
    }
}
