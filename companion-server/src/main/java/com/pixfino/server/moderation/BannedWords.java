package com.pixfino.server.moderation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The banned-word list, compiled for matching prompts: case-insensitively, on whole words, and through the usual
 * disguises — leetspeak ({@code p0rn}, {@code @$$}), letters spaced or dotted apart ({@code n u d e}, {@code
 * n.u.d.e}, {@code nu-de}), stretched letters ({@code nuuude}) and look-alike or accented letters ({@code nüde},
 * Cyrillic {@code о}, fullwidth {@code ｎｕｄｅ}) — while a word that merely contains a banned one ({@code class},
 * {@code Scunthorpe}) is left alone. An entry of several words ({@code self harm}) matches those words in a row, or
 * written as one. Pure and immutable: safe to share between threads.
 */
public final class BannedWords {

    private final List<Entry> entries;
    /** The entries by the first letter of their words written together: a token is only tried against these. */
    private final Map<Character, List<Entry>> byFirstLetter;

    private final List<Entry> phrases;
    private final int longestPattern;

    private BannedWords(List<Entry> entries) {
        this.entries = entries;
        Map<Character, List<Entry>> index = new HashMap<>();
        for (Entry entry : entries) {
            index.computeIfAbsent(entry.joined().letters()[0], k -> new ArrayList<>())
                    .add(entry);
        }
        this.byFirstLetter = Map.copyOf(index);
        this.phrases = entries.stream().filter(e -> e.parts().size() > 1).toList();
        this.longestPattern = entries.stream()
                .mapToInt(e -> e.joined().letters().length)
                .max()
                .orElse(1);
    }

    /** Compiles the list; entries with no letter or digit in them match nothing. */
    public static BannedWords of(List<String> words) {
        List<Entry> entries = new ArrayList<>();
        for (String word : words) {
            List<String> parts = new ArrayList<>();
            for (String part : PromptReading.fold(word).split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            if (!parts.isEmpty()) {
                entries.add(
                        new Entry(word, parts.stream().map(Pattern::of).toList(), Pattern.of(String.join("", parts))));
            }
        }
        return new BannedWords(List.copyOf(entries));
    }

    /** How many entries the list holds that can match. */
    public int size() {
        return entries.size();
    }

    /** The entries {@code text} contains, as the list writes them, in list order; empty when it is clean. */
    public List<String> matches(String text) {
        if (text == null || text.isBlank() || entries.isEmpty()) {
            return List.of();
        }
        PromptReading candidates = PromptReading.of(text);
        Scratch scratch = new Scratch(longestPattern);
        Set<Entry> hits = new HashSet<>();
        for (ReadSequence sequence : candidates.sequences()) {
            for (int start = 0; start < sequence.length(); start++) {
                if (!sequence.startsAt(start)) {
                    continue;
                }
                String first = sequence.readings()[start];
                for (int i = 0; i < first.length(); i++) {
                    for (Entry entry : byFirstLetter.getOrDefault(first.charAt(i), List.of())) {
                        if (!hits.contains(entry) && entry.joined().matchesFrom(sequence, start, scratch)) {
                            hits.add(entry);
                        }
                    }
                }
            }
        }
        for (Entry phrase : phrases) {
            if (!hits.contains(phrase) && phrase.inARow(candidates.words(), scratch)) {
                hits.add(phrase);
            }
        }
        List<String> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (hits.contains(entry)) {
                found.add(entry.word());
            }
        }
        return List.copyOf(found);
    }

    /** A listed word as runs of one letter: "ass" is a once or more, then s twice or more. */
    private record Pattern(char[] letters, int[] least) {

        static Pattern of(String word) {
            List<Character> letters = new ArrayList<>();
            List<Integer> least = new ArrayList<>();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!letters.isEmpty() && letters.get(letters.size() - 1) == c) {
                    least.set(least.size() - 1, least.get(least.size() - 1) + 1);
                } else {
                    letters.add(c);
                    least.add(1);
                }
            }
            char[] l = new char[letters.size()];
            int[] n = new int[least.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = letters.get(i);
                n[i] = least.get(i);
            }
            return new Pattern(l, n);
        }

        /** Whether the whole token reads as this word, each run stretched as the token likes. */
        boolean matchesWhole(String[] token, Scratch scratch) {
            return token.length <= PromptReading.MAX_TOKEN && matchesFrom(ReadSequence.whole(token), 0, scratch);
        }

        /**
         * Whether the characters of {@code sequence} from {@code start} to one of its word ends read as this word,
         * each run stretched as they like; digits alone are a number, not a word.
         */
        boolean matchesFrom(ReadSequence sequence, int start, Scratch scratch) {
            scratch.epoch++;
            return match(sequence, start, start, 0, scratch);
        }

        /** The scratch remembers the (position, run) pairs that led nowhere, so ambiguous readings stay linear. */
        private boolean match(ReadSequence sequence, int start, int at, int run, Scratch scratch) {
            if (run == letters.length) {
                return sequence.endsAt(at) && sequence.hasNonDigit(start, at);
            }
            int state = (at - start) * letters.length + run;
            if (scratch.failed[state] == scratch.epoch) {
                return false;
            }
            String[] readings = sequence.readings();
            int available = 0;
            while (at + available < readings.length
                    && at + available - start < PromptReading.MAX_TOKEN
                    && readings[at + available].indexOf(letters[run]) >= 0) {
                available++;
            }
            for (int take = available; take >= least[run]; take--) {
                if (match(sequence, start, at + take, run + 1, scratch)) {
                    return true;
                }
            }
            scratch.failed[state] = scratch.epoch;
            return false;
        }
    }

    /**
     * Per-prompt memory of failed match states: a state failed in the current attempt when it holds the attempt's
     * epoch, so nothing is cleared between attempts.
     */
    private static final class Scratch {
        final int[] failed;
        int epoch;

        Scratch(int longestPattern) {
            failed = new int[(PromptReading.MAX_TOKEN + 1) * longestPattern];
        }
    }

    /** One list entry: its words in order, and all of them written together. Compared by identity. */
    private static final class Entry {
        private final String word;
        private final List<Pattern> parts;
        private final Pattern joined;

        Entry(String word, List<Pattern> parts, Pattern joined) {
            this.word = word;
            this.parts = parts;
            this.joined = joined;
        }

        String word() {
            return word;
        }

        List<Pattern> parts() {
            return parts;
        }

        Pattern joined() {
            return joined;
        }

        /** Whether some words in a row read as this entry's words, one each. */
        boolean inARow(List<List<String[]>> words, Scratch scratch) {
            for (int start = 0; start + parts.size() <= words.size(); start++) {
                boolean all = true;
                for (int i = 0; i < parts.size() && all; i++) {
                    all = anyMatches(parts.get(i), words.get(start + i), scratch);
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyMatches(Pattern pattern, List<String[]> readings, Scratch scratch) {
            for (String[] token : readings) {
                if (pattern.matchesWhole(token, scratch)) {
                    return true;
                }
            }
            return false;
        }
    }
}
