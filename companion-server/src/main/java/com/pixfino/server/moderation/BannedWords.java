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

    private BannedWords(List<Entry> entries) {
        this.entries = entries;
        Map<Character, List<Entry>> index = new HashMap<>();
        for (Entry entry : entries) {
            index.computeIfAbsent(entry.joined().letters()[0], k -> new ArrayList<>())
                    .add(entry);
        }
        this.byFirstLetter = Map.copyOf(index);
        this.phrases = entries.stream().filter(e -> e.parts().size() > 1).toList();
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
        Set<Entry> hits = new HashSet<>();
        for (String[] token : candidates.joined()) {
            String first = token[0];
            for (int i = 0; i < first.length(); i++) {
                for (Entry entry : byFirstLetter.getOrDefault(first.charAt(i), List.of())) {
                    if (!hits.contains(entry) && entry.joined().matchesWhole(token)) {
                        hits.add(entry);
                    }
                }
            }
        }
        for (Entry phrase : phrases) {
            if (!hits.contains(phrase) && phrase.inARow(candidates.words())) {
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
    private static String readings(char c) {
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
        boolean matchesWhole(String[] token) {
            return token.length <= MAX_TOKEN
                    && token.length >= minimumLength()
                    && match(token, 0, 0, new boolean[token.length + 1][letters.length]);
        }

        private int minimumLength() {
            int sum = 0;
            for (int n : least) {
                sum += n;
            }
            return sum;
        }

        /** {@code failed} remembers the (position, run) pairs that led nowhere, so ambiguous readings stay linear. */
        private boolean match(String[] token, int at, int run, boolean[][] failed) {
            if (run == letters.length) {
                return at == token.length;
            }
            if (failed[at][run]) {
                return false;
            }
            int available = 0;
            while (at + available < token.length && token[at + available].indexOf(letters[run]) >= 0) {
                available++;
            }
            for (int take = available; take >= least[run]; take--) {
                if (match(token, at + take, run + 1, failed)) {
                    return true;
                }
            }
            failed[at][run] = true;
            return false;
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
        boolean inARow(List<List<String[]>> words) {
            for (int start = 0; start + parts.size() <= words.size(); start++) {
                boolean all = true;
                for (int i = 0; i < parts.size() && all; i++) {
                    all = anyMatches(parts.get(i), words.get(start + i));
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyMatches(Pattern pattern, List<String[]> readings) {
            for (String[] token : readings) {
                if (pattern.matchesWhole(token)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The ways a folded prompt can be read as words. {@code words}: the pieces between separators (whitespace,
     * punctuation). {@code joined}: every piece, pieces of one whitespace-free chunk written together ({@code nu-de},
     * {@code n.u.d.e}), and runs of single letters spelled out ({@code n u d e}). Each token is an array of the
     * letters each character may stand for; a token of digits alone is a number, not a word.
     */
    private record Candidates(List<List<String[]>> words, List<String[]> joined) {

        static Candidates of(String folded) {
            List<List<String[]>> words = new ArrayList<>();
            List<String[]> joined = new ArrayList<>();
            List<String> singles = new ArrayList<>();
            for (String chunk : folded.split("\\s+")) {
                List<String> pieces = pieces(chunk);
                for (int from = 0; from < pieces.size(); from++) {
                    StringBuilder together = new StringBuilder();
                    for (int to = from; to < pieces.size() && together.length() <= MAX_TOKEN; to++) {
                        together.append(pieces.get(to));
                        add(joined, together.toString());
                    }
                }
                for (String piece : pieces) {
                    List<String[]> readings = new ArrayList<>();
                    add(readings, piece);
                    words.add(readings);
                    if (piece.length() == 1) {
                        singles.add(piece);
                    } else {
                        spell(singles, joined);
                    }
                }
            }
            spell(singles, joined);
            return new Candidates(words, joined);
        }

        /** Every run of two or more single letters in a row, written together; then starts a new run. */
        private static void spell(List<String> singles, List<String[]> joined) {
            for (int from = 0; from < singles.size(); from++) {
                StringBuilder together = new StringBuilder(singles.get(from));
                for (int to = from + 1; to < singles.size() && together.length() <= MAX_TOKEN; to++) {
                    together.append(singles.get(to));
                    add(joined, together.toString());
                }
            }
            singles.clear();
        }

        /**
         * The pieces of a whitespace-free chunk between separators. A leet symbol at the very end of a piece ("nude!")
         * is read both ways, so it is kept as its own variant without the symbol.
         */
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
            String trimmed = trimSymbols(text);
            addOne(tokens, text);
            if (!trimmed.equals(text)) {
                addOne(tokens, trimmed);
            }
        }

        private static void addOne(List<String[]> tokens, String text) {
            if (text.isEmpty() || text.length() > MAX_TOKEN || text.chars().allMatch(Character::isDigit)) {
                return;
            }
            String[] token = new String[text.length()];
            for (int i = 0; i < token.length; i++) {
                token[i] = readings(text.charAt(i));
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
