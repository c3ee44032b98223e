package com.pixfino.server.referrals;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a referral is someone inviting themselves: the same address once lower-cased and stripped of a {@code +tag}
 * in its local part ({@code Foo+x@Mail.com} is {@code foo@mail.com}), or the same Stripe customer.
 */
public final class SelfReferral {

    private SelfReferral() {}

    public static boolean of(
            String referrerEmail, String refereeEmail, String referrerCustomer, String refereeCustomer) {
        if (canonical(referrerEmail).equals(canonical(refereeEmail))) {
            return true;
        }
        return referrerCustomer != null && Objects.equals(referrerCustomer, refereeCustomer);
    }

    /** The address lower-cased, without the {@code +tag} of its local part. */
    public static String canonical(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        return (plus >= 0 ? local.substring(0, plus) : local) + lower.substring(at);
    }
}
