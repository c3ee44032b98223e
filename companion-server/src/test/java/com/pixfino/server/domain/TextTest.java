package com.pixfino.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0001", "\u001b[2J", "\u007f", "\u0085", "\u009f", "\ud800", "x\udc00y"})
    void controlCharactersAndBrokenSurrogatesAreRefusedEverywhere(String text) {
        assertThatThrownBy(() -> Text.check("name", text))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("name contains")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(Text.INVALID);
        assertThatThrownBy(() -> Text.line("name", text)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Text.paragraph("prompt", text)).isInstanceOf(DomainException.class);
    }

    @Test
    void lineBreaksAndTabsAreRefusedInALineAndFoldedInAParagraph() {
        assertThat(Text.check("x", "a\tb\r\nc")).isEqualTo("a\tb\r\nc");
        assertThatThrownBy(() -> Text.line("reason", "a\nb")).hasMessageContaining("line break or tab");
        assertThat(Text.paragraph("prompt", "snow\nand\tice\r")).isEqualTo("snow and ice ");
    }

    @Test
    void ordinaryTextPassesUnchanged() {
        String text = "Zoë Ødegård — 写真 😀 <b>&";
        assertThat(Text.line("name", text)).isEqualTo(text);
        assertThat(Text.line("name", null)).isNull();
        assertThat(Text.paragraph("prompt", null)).isNull();
    }

    @Test
    void stripDropsWhatTheRuleRefusesAndQuoteShortens() {
        assertThat(Text.strip("a\u0000b\nc\ud800d😀")).isEqualTo("abcd😀");
        assertThat(Text.quote("x".repeat(100), 10)).hasSize(10).endsWith("…");
    }
}
