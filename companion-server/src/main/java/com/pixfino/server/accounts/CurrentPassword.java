package com.pixfino.server.accounts;

import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password a signed-in user types again before a sensitive change. A wrong one counts as a failed sign-in for the
 * account's email, and none is checked while that email is locked out.
 */
record CurrentPassword(PasswordHasher hasher, RateLimits limits) {

    /**
     * What a check guards: the log event of a wrong password, and the sentences for a missing and a wrong one.
     */
    record Guard(String failedEvent, String missing, String wrong) {}

    private static final Logger log = LoggerFactory.getLogger(CurrentPassword.class);

    /**
     * Passes when {@code password} is the account's.
     *
     * @throws DomainException TOO_MANY_REQUESTS while the email is locked out; INVALID {@code missing_password};
     *     FORBIDDEN {@code wrong_password}
     */
    void confirm(UsersRecord user, String password, String clientIp, Guard guard) {
        String emailHash = EmailHash.of(user.getEmail());
        limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, emailHash);
        if (password == null || password.isEmpty()) {
            throw DomainException.invalid("missing_password", guard.missing());
        }
        if (!hasher.verify(password, user.getPasswordHash())) {
            limits.charge(Budget.FAILED_LOGINS_PER_ACCOUNT, emailHash);
            log.warn("event={} user={} email_hash={} ip={}", guard.failedEvent(), user.getId(), emailHash, clientIp);
            throw new DomainException(DomainException.Kind.FORBIDDEN, "wrong_password", guard.wrong());
        }
    }
}
