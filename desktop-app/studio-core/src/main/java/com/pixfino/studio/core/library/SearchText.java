package com.pixfino.studio.core.library;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what someone typed into the search box into an FTS5 query that cannot fail: the text is cut into words
 * (letters and digits; everything else, quotes, {@code *}, {@code -}, NUL included, separates words), each word
 * becomes a quoted prefix term, and all of them must match. So "snow pri" finds "Snow Princess", and FTS5
 * operators typed as words ({@code NEAR}, {@code OR}, {@code AND}, {@code NOT}) are plain words.
 */
final class SearchText {

    private static final int MAX_WORDS = 16;

    private SearchText() {}

    /** The MATCH expression, or null when the text holds no word to search for. */
    static String match(String text) {
        if (text == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder match = new StringBuilder();
        for (String term : words.subList(0, Math.min(words.size(), MAX_WORDS))) {
            if (!match.isEmpty()) {
                match.append(' ');
            }
            // only letters and digits are left, so the quotes cannot be closed early
            match.append('"').append(term).append("\"*");
        }
        return match.toString();
    }
}
