package com.pixfino.server.moderation;

import java.util.List;

/**
 * Characters read in a row, with where a word may start and end among them: a whitespace-free chunk (its pieces
 * between separators, so {@code nu-de} and {@code n.u.d.e} read as one word, and so does each piece alone), or a
 * run of single letters spelled out ({@code n u d e}). A word may also start after a piece's leading symbols and
 * end before its trailing ones ({@code "nude!"}).
 */
record ReadSequence(String[] readings, boolean[] starts, boolean[] ends, int[] nonDigits) {

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
    static ReadSequence whole(String[] token) {
        boolean[] starts = new boolean[token.length + 1];
        boolean[] ends = new boolean[token.length + 1];
        starts[0] = true;
        ends[token.length] = true;
        int[] nonDigits = new int[token.length + 1];
        for (int i = 0; i < token.length; i++) {
            nonDigits[i + 1] = nonDigits[i] + (Character.isDigit(token[i].charAt(0)) ? 0 : 1);
        }
        return new ReadSequence(token, starts, ends, nonDigits);
    }

    /** The pieces written together, each piece a possible word and each boundary between them too. */
    static ReadSequence of(List<String> pieces) {
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
                readings[at + i] = PromptReading.readingsOf(c);
                nonDigits[at + i + 1] = nonDigits[at + i] + (Character.isDigit(c) ? 0 : 1);
            }
            at += piece.length();
        }
        return new ReadSequence(readings, starts, ends, nonDigits);
    }
}
