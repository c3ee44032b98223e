package com.pixfino.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void fieldsComeBackAsTheyWent() {
        String cursor = PageCursor.encode("1700000000", "a.b:c|d@example.com", "");
        assertThat(cursor).startsWith("1.").doesNotContain(":").doesNotContain("@");
        assertThat(PageCursor.decode(cursor, 3)).isEqualTo(List.of("1700000000", "a.b:c|d@example.com", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "2.MQ", "1.MQ.MQ", "1.!!", "1.M", "MTcwMDAwMDAwMDow", "1.gA", "1.AA"})
    void anythingElseIsRefused(String cursor) {
        assertThatThrownBy(() -> PageCursor.decode(cursor, 1)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aPageRequestRefusesAnOverlongCursorAndAnyDecodingFailure() {
        assertThatThrownBy(() -> new PageRequest(10, "1." + "A".repeat(PageCursor.MAX_LENGTH)))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_cursor");
        PageRequest page = new PageRequest(10, PageCursor.encode("x"));
        assertThatThrownBy(() -> page.position(
                        c -> Long.parseLong(PageCursor.decode(c, 1).get(0))))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_cursor");
    }
}
