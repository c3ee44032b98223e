package com.pixfino.studio.rewards;

import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.rewards.Redemption;
import com.pixfino.studio.core.rewards.RewardsApi;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Redeem a code": the field, the call, and its outcome in the product's words right below it. A redeemed code's
 * credits reach the balance everywhere in the studio at once (the session's balance), before {@code /me} confirms them.
 * UI thread only.
 */
public final class RedeemViewModel {

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Function<CompanionApi, RewardsApi> rewards;
    private final Messages messages;
    private final FailureMessages failures;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ActivityStatus status = new ActivityStatus();
    private final BooleanBinding canRedeem;

    public RedeemViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Function<CompanionApi, RewardsApi> rewards,
            Messages messages) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.rewards = rewards;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        canRedeem = Bindings.createBooleanBinding(
                () -> !code.get().isBlank() && !status.busyProperty().get(), code, status.busyProperty());
        // a new attempt starts clean: the last refusal is about a code no longer in the field
        code.addListener((obs, was, now) -> {
            if (!status.isBusy() && status.toneProperty().get() == Tone.ERROR) {
                status.clear();
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                code.set("");
                status.clear();
            }
        });
    }

    /** Redeems the code in the field (the button, Enter). */
    public void redeem() {
        String typed = code.get().trim();
        if (typed.isEmpty() || status.isBusy() || !session.isSignedIn()) {
            return;
        }
        if (!session.isOnline()) {
            status.failed(messages.get("rewards.redeem.offline"));
            return;
        }
        RewardsApi api = rewards.apply(session.api());
        status.working(messages.get("rewards.redeem.working", typed));
        tasks.run(() -> api.redeem(typed), this::redeemed, error -> {
            sessions.callFailed(error);
            status.failed(refusal(typed, error));
        });
    }

    private void redeemed(Redemption redemption) {
        sessions.callSucceeded();
        // the grant shows in the header, on Create and in Account now; /me is read again behind it
        sessions.balanceChanged(new BalanceEvent(redemption.credits(), "grant"));
        code.set("");
        status.done(messages.get("rewards.redeem.done", redemption.granted(), redemption.code(), redemption.credits()));
    }

    private String refusal(String typed, Exception error) {
        String shown = typed.toUpperCase(Locale.ROOT);
        if (error instanceof CompanionApiException refused) {
            if (refused.statusCode() == 429) {
                return messages.get(
                        "rewards.redeem.tooMany",
                        refused.retryAfter()
                                .map(Duration::toMinutes)
                                .map(minutes -> Math.max(1, minutes))
                                .orElse(60L));
            }
            String code = refused.code() == null ? "" : refused.code();
            switch (code) {
                case "unknown_code":
                    return messages.get("rewards.redeem.unknown", shown);
                case "expired":
                    return messages.get("rewards.redeem.expired", shown);
                case "used_up":
                    return messages.get("rewards.redeem.usedUp", shown);
                case "already_redeemed":
                    return messages.get("rewards.redeem.already", shown);
                default:
                    break;
            }
        }
        return messages.get("rewards.redeem.failed", failures.describe(error));
    }

    /** The field's text; the view binds it both ways. */
    public StringProperty codeProperty() {
        return code;
    }

    public BooleanBinding canRedeemProperty() {
        return canRedeem;
    }

    /** The outcome line: "+10 credits …" or why not. */
    public ActivityStatus status() {
        return status;
    }
}
