package com.pixfino.studio.core.account;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.AcceptedView;
import com.pixfino.model.api.ChangeEmailRequest;
import com.pixfino.model.api.ChangePasswordRequest;
import com.pixfino.model.api.PasswordResetConfirmRequest;
import com.pixfino.model.api.PasswordResetRequest;
import com.pixfino.model.api.PendingEmailView;
import com.pixfino.studio.core.net.ApiRequests;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClient;
import java.io.IOException;
import java.util.Map;

/** {@link AccountLifecycleApi} over HTTP, with the session's token (or none, for the signed-out reset calls). */
public final class AccountLifecycleClient implements AccountLifecycleApi {

    private final ApiRequests requests;

    public AccountLifecycleClient(ApiRequests requests) {
        this.requests = requests;
    }

    /** The lifecycle calls of {@code api}'s server and token (signed out: the reset calls only). */
    public static AccountLifecycleApi of(CompanionApi api) {
        if (api instanceof CompanionClient client) {
            return new AccountLifecycleClient(client.requests());
        }
        throw new IllegalStateException("the account's lifecycle needs the HTTP client, not "
                + api.getClass().getSimpleName());
    }

    @Override
    public String requestPasswordReset(String email) throws IOException {
        return requests.send("POST", ApiPaths.PASSWORD_RESET, new PasswordResetRequest(email), AcceptedView.class)
                .message();
    }

    @Override
    public void confirmPasswordReset(String token, String newPassword) throws IOException {
        requests.send(
                "POST",
                ApiPaths.PASSWORD_RESET_CONFIRM,
                new PasswordResetConfirmRequest(token, newPassword),
                Void.class);
    }

    @Override
    public void changePassword(String currentPassword, String newPassword) throws IOException {
        requests.send("POST", ApiPaths.PASSWORD, new ChangePasswordRequest(currentPassword, newPassword), Void.class);
    }

    @Override
    public String resendVerification() throws IOException {
        return requests.send("POST", ApiPaths.VERIFY_EMAIL_RESEND, Map.of(), AcceptedView.class)
                .message();
    }

    @Override
    public String changeEmail(String currentPassword, String newEmail) throws IOException {
        return requests.send(
                        "POST",
                        ApiPaths.EMAIL,
                        new ChangeEmailRequest(currentPassword, newEmail),
                        PendingEmailView.class)
                .pendingEmail();
    }

    @Override
    public EmailState emailState() throws IOException {
        return requests.get(ApiPaths.ME, Map.of(), new TypeReference<EmailState>() {});
    }

    @Override
    public NotificationPreferences notifications() throws IOException {
        return requests.get(ApiPaths.ME_NOTIFICATIONS, Map.of(), new TypeReference<NotificationPreferences>() {});
    }

    @Override
    public NotificationPreferences saveNotifications(NotificationPreferences preferences) throws IOException {
        return requests.send("PUT", ApiPaths.ME_NOTIFICATIONS, preferences, NotificationPreferences.class);
    }
}
