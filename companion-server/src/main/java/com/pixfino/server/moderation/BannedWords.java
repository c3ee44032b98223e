package com.pixfino.server.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** Longest stretch of letters looked at as one word; longer ones (hashes, URLs) cannot be a listed word. */
    private static final int MAX_TOKEN = 96;

    /** Digits and symbols that stand in for letters; a character always stands for itself too. */
    private static final Map<Character, String> LEET = Map.ofEntries(
            Map.entry('0', "o"),
            Map.entry('1', "il"),
            Map.entry('2', "z"),
            Map.entry('3', "e"),
            Map.entry('4', "a"),
            Map.entry('5', "s"),
            Map.entry('6', "g"),
            Map.entry('7', "t"),
            Map.entry('8', "b"),
            Map.entry('9', "g"),
            Map.entry('@', "a"),
            Map.entry('$', "s"),
            Map.entry('!', "i"),
            Map.entry('|', "il"),
            Map.entry('+', "t"),
            Map.entry('€', "e"),
            Map.entry('£', "l"),
            Map.entry('¡', "i"));

    /** Cyrillic and Greek letters that look like Latin ones and survive NFKD. */
    private static final Map<Character, Character> LOOK_ALIKES =
            lookAlikes("аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqԝwӏlαaβbεeηnιiκkνvοoρpτtυuχxωwзeяrпnгrиuлn");

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
            for (String part : fold(word).split("[^\\p{L}\\p{N}]+")) {
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
        Candidates candidates = Candidates.of(fold(text));
        Scratch scratch = new Scratch(longestPattern);
        Set<Entry> hits = new HashSet<>();
        for (Sequence sequence : candidates.sequences()) {
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

    /** Compatibility-decomposed (fullwidth, ligatures, styled letters), accents dropped, look-alikes mapped, lower case. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.FORMAT) {
                // accents, and invisible characters (zero-width space/joiner, soft hyphen) hidden inside a word
                return;
            }
            String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                out.append(LOOK_ALIKES.getOrDefault(c, c));
            }
        });
        return out.toString();
    }

    private static Map<Character, Character> lookAlikes(String pairs) {
        Map<Character, Character> map = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            map.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
        return Map.copyOf(map);
    }

    /** What a character of a prompt may stand for. */
    private static String readingsOf(char c) {
        String leet = LEET.get(c);
        return leet == null ? String.valueOf(c) : c + leet;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || LEET.containsKey(c);
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
            return token.length <= MAX_TOKEN && matchesFrom(Sequence.whole(token), 0, scratch);
        }

        /**
         * Whether the characters of {@code sequence} from {@code start} to one of its word ends read as this word,
         * each run stretched as they like; digits alone are a number, not a word.
         */
        boolean matchesFrom(Sequence sequence, int start, Scratch scratch) {
            scratch.epoch++;
            return match(sequence, start, start, 0, scratch);
        }

        /** The scratch remembers the (position, run) pairs that led nowhere, so ambiguous readings stay linear. */
        private boolean match(Sequence sequence, int start, int at, int run, Scratch scratch) {
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
                    && at + available - start < MAX_TOKEN
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
            failed = new int[(MAX_TOKEN + 1) * longestPattern];
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

    /**
     * Characters read in a row, with where a word may start and end among them: a whitespace-free chunk (its pieces
     * between separators, so {@code nu-de} and {@code n.u.d.e} read as one word, and so does each piece alone), or a
     * run of single letters spelled out ({@code n u d e}). A word may also start after a piece's leading symbols and
     * end before its trailing ones ({@code "nude!"}).
     */
    private record Sequence(String[] readings, boolean[] starts, boolean[] ends, int[] nonDigits) {

        int length() {
            return readings.length;
        }

        boolean startsAt(int at) {
            return starts[at];
        }

        boolean endsAt(int at) {
            return ends[at];
        }

        boolean hasNonDigit(int from, int to) {
            return nonDigits[to] - nonDigits[from] > 0;
        }

        /** One token that must be read whole. */
        static Sequence whole(String[] token) {
            boolean[] starts = new boolean[token.length + 1];
            boolean[] ends = new boolean[token.length + 1];
            starts[0] = true;
            ends[token.length] = true;
            int[] nonDigits = new int[token.length + 1];
            for (int i = 0; i < token.length; i++) {
                nonDigits[i + 1] = nonDigits[i] + (Character.isDigit(token[i].charAt(0)) ? 0 : 1);
            }
            return new Sequence(token, starts, ends, nonDigits);
        }

        /** The pieces written together, each piece a possible word and each boundary between them too. */
        static Sequence of(List<String> pieces) {
            int length = pieces.stream().mapToInt(String::length).sum();
            String[] readings = new String[length];
            boolean[] starts = new boolean[length + 1];
            boolean[] ends = new boolean[length + 1];
            int[] nonDigits = new int[length + 1];
            int at = 0;
            for (String piece : pieces) {
                int first = 0;
                while (first < piece.length() && !Character.isLetterOrDigit(piece.charAt(first))) {
                    first++;
                }
                int last = piece.length();
                while (last > first && !Character.isLetterOrDigit(piece.charAt(last - 1))) {
                    last--;
                }
                starts[at] = true;
                starts[at + first] = true;
                ends[at + last] = true;
                ends[at + piece.length()] = true;
                for (int i = 0; i < piece.length(); i++) {
                    char c = piece.charAt(i);
                    readings[at + i] = readingsOf(c);
                    nonDigits[at + i + 1] = nonDigits[at + i] + (Character.isDigit(c) ? 0 : 1);
                }
                at += piece.length();
            }
            return new Sequence(readings, starts, ends, nonDigits);
        }
    }

    /**
     * The ways a folded prompt can be read as words: {@code sequences} for single listed words (see {@link
     * Sequence}), and {@code words}, each piece between separators on its own (with and without its leading and
     * trailing symbols), for entries of several words in a row.
     */
    private record Candidates(List<Sequence> sequences, List<List<String[]>> words) {

        static Candidates of(String folded) {
            List<Sequence> sequences = new ArrayList<>();
            List<List<String[]>> words = new ArrayList<>();
            List<String> singles = new ArrayList<>();
            for (String chunk : folded.split("\\s+")) {
                List<String> segment = new ArrayList<>();
                for (String piece : pieces(chunk)) {
                    if (isIdentifier(piece)) {
                        // a hex id (a UUID's group, a hash) is no word, and words on either side do not join across it
                        join(segment, sequences);
                        spell(singles, sequences);
                        words.add(List.of());
                        continue;
                    }
                    segment.add(piece);
                    List<String[]> readings = new ArrayList<>();
                    add(readings, piece);
                    add(readings, trimSymbols(piece));
                    words.add(readings);
                    if (piece.length() == 1) {
                        singles.add(piece);
                    } else {
                        spell(singles, sequences);
                    }
                }
                join(segment, sequences);
            }
            spell(singles, sequences);
            return new Candidates(sequences, words);
        }

        /** The pieces of a chunk read in a row, as one sequence; then a new segment starts. */
        private static void join(List<String> segment, List<Sequence> sequences) {
            if (!segment.isEmpty()) {
                sequences.add(Sequence.of(List.copyOf(segment)));
            }
            segment.clear();
        }

        /**
         * Four or more hex digits mixing letters and digits ({@code 4a55}, {@code 8c6f}): an identifier, whose digits
         * would otherwise read as leetspeak.
         */
        private static boolean isIdentifier(String piece) {
            if (piece.length() < 4) {
                return false;
            }
            boolean digit = false;
            boolean letter = false;
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c >= 'a' && c <= 'f') {
                    letter = true;
                } else {
                    return false;
                }
            }
            return digit && letter;
        }

        /** A run of two or more single letters in a row is also read joined; then a new run starts. */
        private static void spell(List<String> singles, List<Sequence> sequences) {
            if (singles.size() > 1) {
                sequences.add(Sequence.of(List.copyOf(singles)));
            }
            singles.clear();
        }

        /** The pieces of a whitespace-free chunk between separators (anything but letters, digits and leet symbols). */
        private static List<String> pieces(String chunk) {
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (isWordChar(c)) {
                    piece.append(c);
                } else if (piece.length() > 0) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
            }
            if (piece.length() > 0) {
                pieces.add(piece.toString());
            }
            return pieces;
        }

        private static void add(List<String[]> tokens, String text) {
            if (text.isEmpty() || text.length() > MAX_TOKEN || text.chars().allMatch(Character::isDigit)) {
                return;
            }
            String[] token = new String[text.length()];
            for (int i = 0; i < token.length; i++) {
                token[i] = readingsOf(text.charAt(i));
            }
            tokens.add(token);
        }

        /** Without leading and trailing symbols ("!", "$", "|"): punctuation around a word, or leet inside it. */
        private static String trimSymbols(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
                start++;
            }
            while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }
    }
}
