package com.pixfino.server.accounts;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for emails, names and passwords, each failure a 400 with a sentence saying what to fix. */
final class Credentials {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private Credentials() {}

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("invalid_email", "Enter an email address.");
        }
        try {
            Text.line("email", raw);
        } catch (DomainException e) {
            // keep the email's own code: callers (and the admin set-up) branch on invalid_email
            throw DomainException.invalid("invalid_email", e.getMessage());
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid(
                    "invalid_email", "'" + abbreviate(raw.trim()) + "' is not a valid email address.");
        }
        return email;
    }

    static String name(String raw, String email) {
        String name = raw == null || raw.isBlank()
                ? email.substring(0, email.indexOf('@'))
                : Text.line("name", raw).trim();
        if (name.length() > 200) {
            throw DomainException.invalid("invalid_name", "The name is too long: 200 characters at most.");
        }
        return name;
    }

    static void password(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw DomainException.invalid(
                    "weak_password", "The password is too short: use at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            throw DomainException.invalid(
                    "weak_password", "The password is too long: " + MAX_PASSWORD + " characters at most.");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw DomainException.invalid(
                    "weak_password", "The password is too weak: mix letters with digits or symbols.");
        }
        if (password.chars().distinct().count() < 5) {
            throw DomainException.invalid(
                    "weak_password", "The password is too weak: it repeats the same few characters.");
        }
        String localPart = email.substring(0, email.indexOf('@'));
        if (localPart.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(localPart)) {
            throw DomainException.invalid(
                    "weak_password", "The password is too weak: it must not contain your email name.");
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }
}
