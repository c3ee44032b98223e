package com.pixfino.studio.core.styles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentPromptsTest {

    @TempDir
    Path dir;

    private RecentPrompts open() {
        return new RecentPrompts(dir.resolve("recent-prompts.json"), new ObjectMapper(), UiThreadGuard.NONE);
    }

    @Test
    void keepsTheLastTwentyDistinctPromptsNewestFirstAcrossARestart() {
        RecentPrompts recent = open();
        IntStream.rangeClosed(1, 25).forEach(i -> recent.record("prompt " + i));
        recent.record("  prompt 10  "); // used again: moves to the top, stripped, not twice
        recent.record("   "); // blank prompts are not remembered

        RecentPrompts restarted = open();
        assertThat(restarted.list()).hasSize(RecentPrompts.MAX);
        assertThat(restarted.list()).startsWith("prompt 10", "prompt 25", "prompt 24");
        assertThat(restarted.list()).doesNotHaveDuplicates().doesNotContain("prompt 5", "   ");
    }

    @Test
    void anUnreadableFileMeansNoRecentPromptsNotAFailure() throws Exception {
        Files.writeString(dir.resolve("recent-prompts.json"), "{not json");
        assertThat(open().list()).isEmpty();
        assertThat(open().record("a lake at dawn")).containsExactly("a lake at dawn");
        assertThat(open().list()).containsExactly("a lake at dawn");
    }
}
