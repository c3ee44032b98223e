package com.pixfino.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            fail-4a55c0de-aa55-b00b-a555-5e1fca11ab1e |
            order 4a55 and aa55                   |
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
    void hexIdentifiersNeverReadAsLeetspeakWhateverTheirDigits() {
        BannedWords seeded = BannedWords.of(List.of("ass", "boobs", "self harm", "tits"));
        for (int i = 0; i < 20_000; i++) {
            String prompt = "hold-" + java.util.UUID.randomUUID();
            assertThat(seeded.matches(prompt)).as(prompt).isEmpty();
        }
        assertThat(seeded.matches("a$$ around 4a55")).containsExactly("ass");
    }

    @Test
    void anEmptyListOrEmptyPromptMatchesNothing() {
        assertThat(BannedWords.of(List.of()).matches("nude")).isEmpty();
        assertThat(LIST.matches(null)).isEmpty();
        assertThat(LIST.matches("   ")).isEmpty();
        assertThat(BannedWords.of(List.of("!!!")).size()).isZero();
    }

    /** The list V15 seeds, read from the migration itself. */
    static List<String> seededList() throws IOException {
        try (InputStream in = BannedWordsTest.class.getResourceAsStream("/db/migration/V15__moderation.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String values = sql.substring(sql.indexOf("INSERT INTO moderation_words"));
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("\\(\\d+, '([^']+)'\\)").matcher(values);
            while (m.find()) {
                words.add(m.group(1));
            }
            return words;
        }
    }

    @Test
    void theSeededListScreensAWorstCasePromptOfAThousandCharactersInMilliseconds() throws IOException {
        BannedWords seeded = BannedWords.of(seededList());
        assertThat(seeded.size()).isGreaterThan(50);
        // single letters apart: every run of them is read joined, the most candidates a prompt can make
        String spelled = "a.b c-d_e f ".repeat(84).substring(0, 1000);
        String words = "soft window light, shallow depth of field, warm tones, "
                .repeat(19)
                .substring(0, 1000);
        for (int i = 0; i < 20; i++) {
            seeded.matches(spelled); // warm-up
        }
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(seeded.matches(spelled)).isEmpty();
            assertThat(seeded.matches(words)).isEmpty();
        }
        long perPromptMicros = (System.nanoTime() - started) / 20 / 1000;
        assertThat(perPromptMicros).as("µs per prompt").isLessThan(50_000);
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
