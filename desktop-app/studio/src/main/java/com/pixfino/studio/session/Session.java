package com.pixfino.studio.session;

import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.ServerUrl;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Who is signed in, on which server, and whether that server can be reached right now. Features read it;
 * only the session view model changes it. UI thread only.
 */
public final class Session {

    private final ApiFactory apis;
    private final ReadOnlyObjectWrapper<UserView> user = new ReadOnlyObjectWrapper<>(this, "user");
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(this, "signedIn");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyIntegerWrapper credits = new ReadOnlyIntegerWrapper(this, "credits");
    private final ReadOnlyObjectWrapper<BalanceEvent> balanceChange =
            new ReadOnlyObjectWrapper<>(this, "balanceChange");
    private ServerUrl server;
    private CompanionApi api;

    public Session(ApiFactory apis) {
        this.apis = apis;
    }

    void begin(ServerUrl serverUrl, String token, UserView account, boolean reachable) {
        server = serverUrl;
        api = apis.forServer(serverUrl).withToken(token);
        online.set(reachable);
        updateUser(account);
        // Last: features that react to signing in find the server, the user and whether it is reachable.
        signedIn.set(true);
    }

    void end() {
        signedIn.set(false);
        online.set(false);
        user.set(null);
        credits.set(0);
        balanceChange.set(null);
        api = null;
        server = null;
    }

    void setOnline(boolean reachable) {
        if (signedIn.get()) {
            online.set(reachable);
        }
    }

    void updateUser(UserView account) {
        user.set(account);
        credits.set(account.credits());
    }

    // The pushed balance is news before /me confirms it: the user's other facts stay as last read, except that a
    // balance that went up is no longer called low meanwhile (no "running low: 55 credits left" while /me is read).
    void balanceChanged(BalanceEvent event) {
        UserView current = user.get();
        if (current != null) {
            // every other fact (referral code, a pending address…) stays as last read
            user.set(
                    current.withBalance(event.credits(), current.lowBalance() && event.credits() <= current.credits()));
        }
        credits.set(event.credits());
        balanceChange.set(event);
    }

    /** The signed-in user's API. */
    public CompanionApi api() {
        if (api == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        return api;
    }

    public ServerUrl server() {
        return server;
    }

    /** The signed-in user's id as text: it names their part of the local gallery cache. */
    public String ownerId() {
        UserView current = user.get();
        return current == null ? null : current.id().toString();
    }

    public ReadOnlyObjectProperty<UserView> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty creditsProperty() {
        return credits.getReadOnlyProperty();
    }

    /** The last balance change the server pushed (a payment, a grant, a charge): what it is now and why. */
    public ReadOnlyObjectProperty<BalanceEvent> balanceChangeProperty() {
        return balanceChange.getReadOnlyProperty();
    }

    public boolean isOnline() {
        return online.get();
    }

    public boolean isSignedIn() {
        return signedIn.get();
    }
}
