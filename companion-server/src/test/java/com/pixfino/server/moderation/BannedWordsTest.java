package com.pixfino.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matcher alone: what it must catch, and ordinary words it must leave alone. */
class BannedWordsTest {

    private static final BannedWords LIST = BannedWords.of(List.of(
            "nude", "porn", "ass", "shit", "cunt", "slut", "nsfw", "Self Harm", "tits", "hell", "kill", "loli"));

    @ParameterizedTest(name = "[{0}] hits {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a nude portrait                       | nude
            NUDE                                  | nude
            Nude, please                          | nude
            (nude)                                | nude
            nude!                                 | nude
            "nude"                                | nude
            n0de?                                 |
            nud3                                  | nude
            p0rn                                  | porn
            pr0n                                  |
            p()rn                                 |
            @ss                                   | ass
            a$$                                   | ass
            4ss                                   | ass
            @$$                                   | ass
            sh!t                                  | shit
            5h1t                                  | shit
            $h1t                                  | shit
            s1ut                                  | slut
            7175                                  |
            t1ts                                  | tits
            n u d e                               | nude
            n.u.d.e                               | nude
            n-u-d-e                               | nude
            n_u_d_e                               | nude
            nu-de                                 | nude
            n . u . d . e                         | nude
            nuuuuude                              | nude
            pooorn                                | porn
            asssss                                | ass
            nüde                                  | nude
            ｎｕｄｅ                               | nude
            nυde                                  | nude
            рorn                                  | porn
            nu​de (zero-width space inside)   | nude
            self harm                             | Self Harm
            self-harm                             | Self Harm
            selfharm                              | Self Harm
            s3lf h@rm                             | Self Harm
            NSFW photo                            | nsfw
            a n.s.f.w shot                        | nsfw
            """)
    void catchesDisguises(String prompt, String expected) {
        List<String> hits = LIST.matches(prompt);
        if (expected == null) {
            assertThat(hits).as(prompt).isEmpty();
        } else {
            assertThat(hits).as(prompt).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "[{0}] is clean")
    @CsvSource(delimiter = '|', textBlock = """
            a portrait in class                   |
            Scunthorpe United scarf               |
            assassin's creed cosplay              |
            assess the lighting                   |
            as good as it gets                    |
            a bass guitar on a sunset beach       |
            passport photo                        |
            shitake mushrooms                     |
            nudes                                 |
            pornography                           |
            hello world                           |
            the shell of a hermit crab            |
            skill shot                            |
            Kilimanjaro at dawn                   |
            a lollipop                            |
            a 455 mm lens, f/1.4                  |
            size 7175 banner                      |
            i a m                                 |
            a s a p                               |
            cocktail                              |
            arsenal                               |
            titstop                               |
            Essex countryside                     |
            harmless self portrait                |
            self portrait, no harm                |
            """)
    void leavesOrdinaryWordsAlone(String prompt, String ignored) {
        assertThat(LIST.matches(prompt)).as(prompt).isEmpty();
    }

    @Test
    void reportsEveryEntryHitOnceInListOrderAsWritten() {
        assertThat(LIST.matches("kill the nude, NUDE and p0rn, kill")).containsExactly("nude", "porn", "kill");
    }

    @Test
    void anEmptyListOrEmptyPromptMatchesNothing() {
        assertThat(BannedWords.of(List.of()).matches("nude")).isEmpty();
        assertThat(LIST.matches(null)).isEmpty();
        assertThat(LIST.matches("   ")).isEmpty();
        assertThat(BannedWords.of(List.of("!!!")).size()).isZero();
    }

    @Test
    void aLongPromptOfAmbiguousCharactersStaysFast() {
        BannedWords tricky = BannedWords.of(List.of("lilili", "illlli"));
        String prompt = "|".repeat(90) + " " + "1|".repeat(500);
        long started = System.nanoTime();
        tricky.matches(prompt);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
    }
}
