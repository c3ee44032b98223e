package com.pixfino.studio.admin.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.studio.admin.moderation.ModerationViewModel.Queue;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation queue and the banned-word list against an in-memory server. */
class ModerationViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeModeration server = new FakeModeration();
    private ModerationViewModel queue;
    private BannedWordsViewModel words;

    @BeforeEach
    void setUp() {
        SessionFixture fixture = new SessionFixture(dir, tasks).signedIn();
        queue = new ModerationViewModel(tasks, fixture.session, fixture.sessions, fixture.messages, api -> server);
        words = new BannedWordsViewModel(tasks, fixture.session, fixture.sessions, fixture.messages, api -> server);
    }

    @Test
    void theQueueIsReadAPageAtATimeAndSaysWhatEachFlagIs() {
        for (int i = 0; i < ModerationViewModel.PAGE + 3; i++) {
            server.add("prompt", "user" + i + "@example.com", "nude " + i, null);
        }
        queue.refresh();
        assertThat(queue.flags()).hasSize(ModerationViewModel.PAGE);
        assertThat(queue.moreProperty().get()).isTrue();
        queue.loadMore();
        assertThat(queue.flags()).hasSize(ModerationViewModel.PAGE + 3);
        assertThat(queue.moreProperty().get()).isFalse();
        assertThat(server.calls).containsExactly("flags open null", "flags open " + ModerationViewModel.PAGE);

        ModerationFlagView flag = queue.flags().get(0);
        assertThat(queue.source(flag)).isEqualTo("Prompt refused");
        assertThat(queue.text(flag)).startsWith("nude ");
        assertThat(queue.matched(flag)).isEqualTo("nude");
        assertThat(queue.outcome(flag)).isEqualTo("Open");
        assertThat(queue.available(flag, FlagAction.DELETE_GENERATION)).isFalse();
        assertThat(queue.available(flag, FlagAction.SUSPEND_USER)).isTrue();
    }

    @Test
    void dismissGoesAtOnceWithItsNoteAndTheResolvedQueueShowsIt() {
        ModerationFlagView flag = server.add("prompt", "ada@example.com", "nude beach", null);
        queue.refresh();
        queue.selectedProperty().set(flag);
        queue.noteProperty().set("  art study  ");
        queue.act(FlagAction.DISMISS);

        assertThat(server.calls).contains("resolve " + flag.id() + " dismiss art study");
        assertThat(queue.flags()).isEmpty();
        assertThat(queue.emptyNoticeProperty().get()).isEqualTo("Nothing to review: no open flags.");
        assertThat(queue.status().messageProperty().get()).isEqualTo("Dismissed the flag of ada@example.com.");
        assertThat(queue.noteProperty().get()).isEmpty();

        queue.queueProperty().set(Queue.RESOLVED);
        assertThat(queue.flags())
                .singleElement()
                .satisfies(f -> assertThat(queue.outcome(f)).isEqualTo("Dismissed \u00b7 art study"));
    }

    @Test
    void deletingAGenerationOrSuspendingAUserIsAskedFirst() {
        ModerationFlagView report = server.add("report", "bob@example.com", null, UUID.randomUUID());
        queue.refresh();
        queue.selectedProperty().set(report);
        assertThat(queue.text(report)).isEqualTo("looks unsafe");

        queue.act(FlagAction.DELETE_GENERATION);
        assertThat(queue.pendingProperty().get()).isEqualTo(FlagAction.DELETE_GENERATION);
        assertThat(queue.question()).startsWith("Delete the flagged result of bob@example.com?");
        assertThat(server.calls).containsExactly("flags open null");
        queue.cancelConfirm();
        assertThat(queue.question()).isEmpty();

        queue.act(FlagAction.SUSPEND_USER);
        queue.confirm();
        assertThat(server.calls).containsExactly("flags open null", "resolve " + report.id() + " suspend_user null");
        assertThat(queue.status().messageProperty().get()).isEqualTo("Suspended bob@example.com.");
    }

    @Test
    void aPromptFlagHasNoResultToDeleteAndATooLongNoteIsRefusedHere() {
        ModerationFlagView flag = server.add("prompt", null, "nude", null);
        queue.refresh();
        queue.selectedProperty().set(flag);
        assertThat(queue.user(flag)).isEqualTo("(account deleted)");
        queue.act(FlagAction.DELETE_GENERATION);
        assertThat(queue.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(queue.status().messageProperty().get()).startsWith("A refused prompt made no result");
        queue.noteProperty().set("x".repeat(ModerationViewModel.MAX_NOTE + 1));
        queue.act(FlagAction.DISMISS);
        assertThat(queue.status().messageProperty().get()).isEqualTo("The note is at most 500 characters.");
        assertThat(server.calls).containsExactly("flags open null");
    }

    @Test
    void theBannedWordsAreEditedHereAndSavedWhole() {
        words.load();
        assertThat(words.words()).containsExactly("nude", "gore");
        words.newWordProperty().set("Spam, NUDE ,  scam ");
        words.add();
        assertThat(words.words()).containsExactly("Spam", "scam", "nude", "gore");
        assertThat(words.changedProperty().get()).isTrue();
        assertThat(words.status().messageProperty().get()).isEqualTo("Added 2 words: save the list to apply it.");

        words.newWordProperty().set("x".repeat(BannedWordsViewModel.MAX_WORD + 1));
        words.add();
        assertThat(words.status().messageProperty().get()).isEqualTo("A word is at most 64 characters.");

        words.remove(List.of("gore"));
        words.save();
        assertThat(server.calls).contains("replace [Spam, scam, nude]");
        assertThat(words.changedProperty().get()).isFalse();
        assertThat(words.status().messageProperty().get()).startsWith("Saved: 3 banned words");

        words.remove(List.of("nude"));
        words.revert();
        assertThat(words.words()).containsExactly("Spam", "scam", "nude");
        assertThat(words.changedProperty().get()).isFalse();
    }
}
