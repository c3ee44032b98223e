package com.pixfino.server.referrals;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), stored and shown upper-case. */
public final class ReferralCodes {

    /** The characters a code is made of: 2–9 and A–Z without I, L and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralCodes() {}

    public static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * What a user typed, as stored: trimmed and upper-cased; empty when blank or not even shaped like a code (so it
     * can never match, and is never sent to the database).
     */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.of("");
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("");
            }
        }
        return Optional.of(code);
    }
}
