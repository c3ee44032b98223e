package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.account.AccountLifecycleApi;
import com.pixfino.studio.core.account.EmailState;
import com.pixfino.studio.core.account.NotificationPreferences;
import com.pixfino.studio.core.account.PasswordRules;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The account lifecycle as the server answers it, in memory: one account, its mailed reset token, its choices. */
public final class FakeAccountLifecycle implements AccountLifecycleApi {

    public static final String RESET_TOKEN = "q3Z-9kLm_0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345";
    public static final String RESET_SENTENCE =
            "If an account has this address, a link to reset its password is on its way. It works for 30 minutes.";

    public String email = "ana@example.com";
    public String password = "Sunset-Lake-42";
    public boolean verified;
    public String pendingEmail;
    public NotificationPreferences preferences = NotificationPreferences.DEFAULTS;
    public final List<String> resetRequests = new ArrayList<>();
    public final List<NotificationPreferences> saves = new ArrayList<>();
    public int resends;
    public boolean tokenUsed;
    public boolean refuseSaves;
    public boolean unreachable;

    @Override
    public String requestPasswordReset(String address) throws IOException {
        reachable();
        resetRequests.add(address);
        return RESET_SENTENCE;
    }

    @Override
    public void confirmPasswordReset(String token, String newPassword) throws IOException {
        reachable();
        if (tokenUsed || !RESET_TOKEN.equals(token)) {
            throw new CompanionApiException(
                    400, "invalid_token", "This password reset link is not valid: it was used already or expired.");
        }
        weak(newPassword);
        tokenUsed = true;
        password = newPassword;
    }

    @Override
    public void changePassword(String currentPassword, String newPassword) throws IOException {
        reachable();
        if (!password.equals(currentPassword)) {
            throw new CompanionApiException(403, "wrong_password", "The current password is wrong.");
        }
        weak(newPassword);
        password = newPassword;
    }

    @Override
    public String resendVerification() throws IOException {
        reachable();
        if (verified) {
            throw new CompanionApiException(409, "already_verified", "Your email address is verified already.");
        }
        if (++resends > 3) {
            throw new CompanionApiException(
                    429,
                    "too_many_requests",
                    "You asked for 3 links this hour already. Try again in an hour.",
                    Duration.ofMinutes(60));
        }
        return "A new verification link is on its way to your email address.";
    }

    @Override
    public String changeEmail(String currentPassword, String newEmail) throws IOException {
        reachable();
        if (!password.equals(currentPassword)) {
            throw new CompanionApiException(403, "wrong_password", "The password is wrong.");
        }
        if (newEmail.equalsIgnoreCase("taken@example.com")) {
            throw new CompanionApiException(409, "email_taken", "Another account uses this address.");
        }
        pendingEmail = newEmail.toLowerCase(java.util.Locale.ROOT);
        return pendingEmail;
    }

    @Override
    public EmailState emailState() throws IOException {
        reachable();
        return new EmailState(email, verified, pendingEmail);
    }

    @Override
    public NotificationPreferences notifications() throws IOException {
        reachable();
        return preferences;
    }

    @Override
    public NotificationPreferences saveNotifications(NotificationPreferences wanted) throws IOException {
        reachable();
        if (refuseSaves) {
            throw new CompanionApiException(503, "unavailable", "The server is busy; try again in a moment.");
        }
        saves.add(wanted);
        preferences = wanted;
        return wanted;
    }

    private void reachable() throws IOException {
        if (unreachable) {
            throw new ConnectException("Connection refused");
        }
    }

    private static void weak(String password) throws CompanionApiException {
        if (PasswordRules.check(password, "").isPresent()) {
            throw new CompanionApiException(400, "weak_password", "The password is too weak.");
        }
    }
}
