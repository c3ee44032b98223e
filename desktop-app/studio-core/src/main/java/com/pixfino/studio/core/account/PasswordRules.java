package com.pixfino.studio.core.account;

import java.util.Locale;
import java.util.Optional;

/**
 * The server's password rules (the same for sign-up, reset and change), checked before a round trip so the form can
 * say what is wrong beside the field. The server checks them again.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** What is wrong with a password. */
    public enum Problem {
        TOO_SHORT,
        TOO_LONG,
        NO_MIX,
        REPEATS,
        CONTAINS_EMAIL_NAME
    }

    private PasswordRules() {}

    /** The first rule {@code password} breaks; {@code email} (may be blank) is the account's address. */
    public static Optional<Problem> check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of(Problem.NO_MIX);
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of(Problem.REPEATS);
        }
        int at = email == null ? -1 : email.indexOf('@');
        if (at >= 4
                && password.toLowerCase(Locale.ROOT)
                        .contains(email.substring(0, at).strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.CONTAINS_EMAIL_NAME);
        }
        return Optional.empty();
    }
}
