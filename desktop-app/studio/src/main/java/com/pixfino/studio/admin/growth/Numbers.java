package com.pixfino.studio.admin.growth;

import java.util.OptionalInt;

/** Whole numbers typed in a form: digits only (spaces around allowed), within a range. */
final class Numbers {

    private Numbers() {}

    static OptionalInt within(String typed, int min, int max) {
        String text = typed == null ? "" : typed.trim();
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(text);
        return value < min || value > max ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
