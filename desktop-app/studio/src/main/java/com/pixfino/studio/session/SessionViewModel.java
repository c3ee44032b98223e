package com.pixfino.studio.session;

import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.session.AccountSnapshots;
import com.pixfino.studio.core.session.TokenStore;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link Session} in step with the connection: restores a saved sign-in when the server answers
 * (or, when it does not, opens the cached account offline), refreshes the balance, signs out.
 */
public final class SessionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);

    private static final Set<String> GENERATION_REASONS = Set.of("debit", "refund");

    private final TaskExecutor tasks;
    private final Session session;
    private final TokenStore tokens;
    private final AccountSnapshots snapshots;
    private final ApiFactory apis;
    private final ObservableValue<String> serverUrl;
    private final Messages messages;
    private final ActivityStatus activity = new ActivityStatus();
    private boolean restoring;

    /** A saved sign-in: the token, the account, and whether the server confirmed it just now. */
    private record Restored(String token, UserView user, boolean online) {}

    public SessionViewModel(
            TaskExecutor tasks,
            Session session,
            TokenStore tokens,
            AccountSnapshots snapshots,
            ApiFactory apis,
            ObservableValue<String> serverUrl,
            Messages messages) {
        this.tasks = tasks;
        this.session = session;
        this.tokens = tokens;
        this.snapshots = snapshots;
        this.apis = apis;
        this.serverUrl = serverUrl;
        this.messages = messages;
    }

    /** Follows the connection check: each settled state may sign in, go offline or come back online. */
    public void follow(ObservableValue<ConnectionState> connection) {
        connection.addListener((obs, was, now) -> connectionSettled(now));
    }

    /** The connection check ended in {@code state} (also called by {@link #follow}). */
    public void connectionSettled(ConnectionState state) {
        switch (state) {
            case CONNECTED -> {
                if (session.isSignedIn()) {
                    session.setOnline(true);
                    refreshUser();
                } else {
                    restore(true);
                }
            }
            case OFFLINE, DEGRADED -> {
                if (session.isSignedIn()) {
                    session.setOnline(false);
                } else {
                    restore(false);
                }
            }
            default -> {
                // checking or starting: wait for the outcome
            }
        }
    }

    private void restore(boolean reachable) {
        Optional<ServerUrl> server = ServerUrl.parse(serverUrl.getValue());
        if (server.isEmpty() || restoring) {
            return;
        }
        restoring = true;
        String key = server.get().toString();
        tasks.run(
                () -> restoreFrom(server.get(), key, reachable),
                restored -> {
                    restoring = false;
                    restored.ifPresent(
                            found -> session.begin(server.get(), found.token(), found.user(), found.online()));
                },
                error -> {
                    restoring = false;
                    LOG.warn("event=session_restore_failed reason={}", error.getMessage());
                });
    }

    private Optional<Restored> restoreFrom(ServerUrl server, String key, boolean reachable) throws Exception {
        Optional<String> token = tokens.read(key);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (reachable) {
            try {
                UserView user = apis.forServer(server).withToken(token.get()).me();
                snapshots.write(key, user);
                return Optional.of(new Restored(token.get(), user, true));
            } catch (CompanionApiException e) {
                if (e.isUnauthorized()) {
                    tokens.delete(key);
                    tasks.onUiThread(() -> activity.say(Tone.ERROR, messages.get("session.expired")));
                    return Optional.empty();
                }
                throw e;
            } catch (java.io.IOException e) {
                LOG.info("event=session_restore_offline reason={}", e.getMessage());
            }
        }
        return snapshots.read(key).map(user -> new Restored(token.get(), user, false));
    }

    /** A sign-in or registration succeeded: remember it and open the session. */
    public void signedIn(ServerUrl server, AuthResponse auth) {
        String key = server.toString();
        activity.clear();
        session.begin(server, auth.token(), auth.user(), true);
        tasks.run(
                () -> {
                    tokens.write(key, auth.token());
                    snapshots.write(key, auth.user());
                    return null;
                },
                done -> {},
                error -> activity.say(Tone.ERROR, messages.get("session.notSaved", error.getMessage())));
    }

    /** Reads the balance and tier again (after a generation was charged or refunded, or on request). */
    public void refreshUser() {
        refreshUser(user -> {}, error -> {});
    }

    /**
     * As {@link #refreshUser()}, then tells {@code read} what the server said, or {@code failed} why it could not be
     * read; neither hears anything while the session is signed out or offline.
     */
    public void refreshUser(Consumer<UserView> read, Consumer<Exception> failed) {
        if (!session.isSignedIn() || !session.isOnline()) {
            return;
        }
        ServerUrl server = session.server();
        tasks.run(
                () -> {
                    UserView user = session.api().me();
                    snapshots.write(server.toString(), user);
                    return user;
                },
                user -> {
                    if (session.isSignedIn() && server.equals(session.server())) {
                        session.updateUser(user);
                        read.accept(user);
                    }
                },
                error -> {
                    callFailed(error);
                    failed.accept(error);
                });
    }

    /**
     * The server pushed a new balance: it shows at once. A payment or grant may also have changed the plan and the
     * low-balance flag, so the account is read again; charges and refunds come with a generation event that does that.
     */
    public void balanceChanged(BalanceEvent event) {
        if (!session.isSignedIn()) {
            return;
        }
        session.balanceChanged(event);
        if (!GENERATION_REASONS.contains(event.reason())) {
            refreshUser();
        }
    }

    /** A feature's call failed: an unreachable server makes the session offline, a refused token ends it. */
    public void callFailed(Exception error) {
        if (error instanceof CompanionApiException api && api.isUnauthorized() && session.isSignedIn()) {
            String key = session.server().toString();
            session.end();
            activity.say(Tone.ERROR, messages.get("session.expired"));
            tasks.run(
                    () -> {
                        tokens.delete(key);
                        return null;
                    },
                    done -> {},
                    e -> {});
        } else if (FailureMessages.isNetwork(error)) {
            session.setOnline(false);
        }
    }

    /** A call went through: the server is there again (and the balance may have moved meanwhile). */
    public void callSucceeded() {
        if (session.isSignedIn() && !session.isOnline()) {
            session.setOnline(true);
            refreshUser();
        }
    }

    /** Revokes the token on the server (when it can be reached) and forgets it here. */
    public void signOut() {
        if (!session.isSignedIn()) {
            return;
        }
        String key = session.server().toString();
        var api = session.api();
        boolean reachable = session.isOnline();
        session.end();
        activity.say(Tone.INFO, messages.get("session.signedOut"));
        tasks.run(
                () -> {
                    tokens.delete(key);
                    if (reachable) {
                        api.logout();
                    }
                    return null;
                },
                done -> {},
                error -> LOG.info("event=logout_failed reason={}", error.getMessage()));
    }

    /**
     * The account was deleted on the server: the session ends, the token and the remembered account are
     * forgotten, {@code forgetLocalCopies} removes what this computer cached of it, and the sign-in screen says so.
     */
    public void accountDeleted(java.util.concurrent.Callable<Void> forgetLocalCopies) {
        if (!session.isSignedIn()) {
            return;
        }
        String key = session.server().toString();
        session.end();
        activity.say(Tone.SUCCESS, messages.get("session.accountDeleted"));
        tasks.run(
                () -> {
                    tokens.delete(key);
                    snapshots.delete(key);
                    return forgetLocalCopies.call();
                },
                done -> {},
                error -> {
                    LOG.warn("event=local_account_data_left reason={}", error.getMessage());
                    activity.say(Tone.ERROR, messages.get("session.accountDeletedCacheLeft", error.getMessage()));
                });
    }

    /** A new password was set with a mailed link: the sign-in screen says so (issue 16). */
    public void passwordReset() {
        activity.say(Tone.SUCCESS, messages.get("session.passwordReset"));
    }

    /** Something the sign-in screen should tell: signed out, session expired, token not saved. */
    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public Session session() {
        return session;
    }
}
