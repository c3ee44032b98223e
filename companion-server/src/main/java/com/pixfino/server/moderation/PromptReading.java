package com.pixfino.server.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ways a prompt can be read as words, once folded (compatibility-decomposed, accents and invisible characters
 * dropped, look-alike letters mapped, lower case): {@code sequences} for single listed words (see {@link
 * ReadSequence}), and {@code words}, each piece between separators on its own (with and without its leading and
 * trailing symbols), for entries of several words in a row.
 */
record PromptReading(List<ReadSequence> sequences, List<List<String[]>> words) {

    /** The readings of a prompt, folded first. */
    static PromptReading of(String text) {
        String folded = fold(text);
        List<ReadSequence> sequences = new ArrayList<>();
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
        return new PromptReading(sequences, words);
    }

    /** The pieces of a chunk read in a row, as one sequence; then a new segment starts. */
    private static void join(List<String> segment, List<ReadSequence> sequences) {
        if (!segment.isEmpty()) {
            sequences.add(ReadSequence.of(List.copyOf(segment)));
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
    private static void spell(List<String> singles, List<ReadSequence> sequences) {
        if (singles.size() > 1) {
            sequences.add(ReadSequence.of(List.copyOf(singles)));
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

    /** Longest stretch of letters looked at as one word; longer ones (hashes, URLs) cannot be a listed word. */
    static final int MAX_TOKEN = 96;

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
    static String readingsOf(char c) {
        String leet = LEET.get(c);
        return leet == null ? String.valueOf(c) : c + leet;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || LEET.containsKey(c);
    }
}
