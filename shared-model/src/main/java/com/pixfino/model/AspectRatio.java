package com.pixfino.model;

import java.util.Optional;

/**
 * The output formats a creator can ask for, with the social use each one suits. On the wire a format is its
 * {@link #label()} ({@code "9:16"}); {@link #parse(String)} is the one place that reads it.
 */
public enum AspectRatio {
    SQUARE("1:1", 1, 1, "Instagram post"),
    PORTRAIT_4_5("4:5", 4, 5, "Instagram portrait"),
    PORTRAIT_3_4("3:4", 3, 4, "Print / Pinterest"),
    STORY("9:16", 9, 16, "Story / TikTok"),
    WIDE("16:9", 16, 9, "LinkedIn / YouTube"),
    LANDSCAPE_3_2("3:2", 3, 2, "Classic photo");

    private final String label;
    private final int width;
    private final int height;
    private final String use;

    AspectRatio(String label, int width, int height, String use) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.use = use;
    }

    /** {@code "9:16"}: how the format is written in requests, answers and the studio. */
    public String label() {
        return label;
    }

    /** The ratio's width term ({@code 9} for 9:16). */
    public int width() {
        return width;
    }

    /** The ratio's height term ({@code 16} for 9:16). */
    public int height() {
        return height;
    }

    /** What the format is for, shown under its frame in the studio. */
    public String use() {
        return use;
    }

    /** The format written exactly as {@code "W:H"}, or empty for anything else (blanks around it included). */
    public static Optional<AspectRatio> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (AspectRatio ratio : values()) {
            if (ratio.label.equals(text)) {
                return Optional.of(ratio);
            }
        }
        return Optional.empty();
    }

    /** The labels of every format, in order, for error messages: {@code "1:1, 4:5, …"}. */
    public static String labels() {
        StringBuilder text = new StringBuilder();
        for (AspectRatio ratio : values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(ratio.label);
        }
        return text.toString();
    }
}
