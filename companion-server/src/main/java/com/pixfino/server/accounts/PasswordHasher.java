package com.pixfino.server.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane); the PHC string carries them. */
public final class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
    private final String decoyHash = hash("decoy-password-for-timing");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean verify(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the same time as a real verification and always fails. */
    public boolean verifyDecoy(String password) {
        verify(password, decoyHash);
        return false;
    }
}
