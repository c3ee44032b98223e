package com.pixfino.studio.rewards;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.rewards.ReferralSummary;
import com.pixfino.studio.core.rewards.RewardsApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Invite friends": the user's link and code, how many joined with it, how many earned a reward and the credits that
 * brought, and whether the program pays out right now. The copy itself is the view's (the clipboard is a UI thing);
 * it tells {@link #copied()}. UI thread only.
 */
public final class InviteViewModel {

    private final Session session;
    private final Messages messages;
    private final Function<CompanionApi, RewardsApi> rewards;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final ReadOnlyObjectWrapper<ReferralSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper copyNotice = new ReadOnlyStringWrapper(this, "copyNotice", "");

    public InviteViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Function<CompanionApi, RewardsApi> rewards,
            Messages messages) {
        this.session = session;
        this.messages = messages;
        this.rewards = rewards;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                summary.set(null); // the next account must not see this one's link
                copyNotice.set("");
                status.clear();
            }
        });
    }

    /** Reads the link and the figures (the tab opening, F5). */
    public void refresh() {
        if (!calls.mayRead(session, "rewards.invite.offline")) {
            return;
        }
        CompanionApi signedIn = session.api();
        status.working();
        // the client is made inside the task: whatever it cannot do becomes this tab's failure, never an exception
        // thrown into the screen that opened it
        calls.run(
                () -> rewards.apply(signedIn).referrals(),
                read -> {
                    summary.set(read);
                    status.done("");
                },
                "rewards.invite.loadFailed");
    }

    /** The view put the link on the clipboard. */
    public void copied() {
        copyNotice.set(messages.get("rewards.invite.copied"));
    }

    /** What the Copy button puts on the clipboard; empty until the link is known. */
    public String link() {
        ReferralSummary now = summary.get();
        return now == null || now.referralLink() == null ? "" : now.referralLink();
    }

    public StringBinding linkText() {
        return text(now -> now.referralLink() == null ? "" : now.referralLink(), "");
    }

    /** "Or give them your code: K7MPQR2X — they type it when they sign up." */
    public StringBinding codeText() {
        return text(now -> messages.get("rewards.invite.code", now.referralCode()), "");
    }

    /** How the program works, with the reward it pays (said as a condition while the program is off). */
    public StringBinding howText() {
        return text(
                now -> messages.get(
                        now.enabled() ? "rewards.invite.how" : "rewards.invite.howOff", now.rewardCredits()),
                messages.get("rewards.invite.howUnknown"));
    }

    public StringBinding joinedText() {
        return text(now -> Integer.toString(now.joined()), "\u2013");
    }

    public StringBinding rewardedText() {
        return text(now -> Integer.toString(now.rewarded()), "\u2013");
    }

    public StringBinding earnedText() {
        return text(now -> Integer.toString(now.creditsEarned()), "\u2013");
    }

    /** Said while the program is switched off; empty while it pays out (or nothing is known yet). */
    public StringBinding programOffText() {
        return text(now -> now.enabled() ? "" : messages.get("rewards.invite.off"), "");
    }

    private StringBinding text(Function<ReferralSummary, String> known, String unknown) {
        return Bindings.createStringBinding(
                () -> summary.get() == null ? unknown : known.apply(summary.get()), summary);
    }

    public ReadOnlyObjectProperty<ReferralSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty copyNoticeProperty() {
        return copyNotice.getReadOnlyProperty();
    }

    public ActivityStatus status() {
        return status;
    }
}
