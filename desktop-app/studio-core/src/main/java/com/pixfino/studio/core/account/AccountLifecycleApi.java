package com.pixfino.studio.core.account;

import java.io.IOException;

/**
 * The account's lifecycle on the companion server: password reset and change, email verification and change, and
 * which mails the user wants. A refusal is a {@code CompanionApiException} with the server's code and sentence.
 * Blocking: call it through the TaskExecutor.
 */
public interface AccountLifecycleApi {

    /** Mails a reset link if the address has an account; the server answers the same sentence either way. */
    String requestPasswordReset(String email) throws IOException;

    /** Sets the password with a mailed token; 400 {@code invalid_token} or {@code weak_password}. Signed out. */
    void confirmPasswordReset(String token, String newPassword) throws IOException;

    /** Changes the signed-in user's password; 403 {@code wrong_password}, 400 {@code weak_password}. */
    void changePassword(String currentPassword, String newPassword) throws IOException;

    /** Mails a new verification link; 409 {@code already_verified}, 429 after a few an hour. Answers its sentence. */
    String resendVerification() throws IOException;

    /**
     * Asks to move the account to {@code newEmail}: the new address gets a link, and the change applies once it is
     * opened. 403 {@code wrong_password}, 400 for an invalid or unchanged address, 409 {@code email_taken}.
     *
     * @return the pending address, as the server stored it
     */
    String changeEmail(String currentPassword, String newEmail) throws IOException;

    /** The signed-in user's address, whether it is verified, and an address change waiting for its link. */
    EmailState emailState() throws IOException;

    NotificationPreferences notifications() throws IOException;

    /** Stores all three preferences; answers them as stored. */
    NotificationPreferences saveNotifications(NotificationPreferences preferences) throws IOException;
}
