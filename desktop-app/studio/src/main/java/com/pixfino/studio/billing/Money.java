package com.pixfino.studio.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices as the catalogue sends them (decimal USD as text), shown as people read them; never a double. */
final class Money {

    private Money() {}

    /** "$9.99"; "$0" for free; the text itself when it is not a number. */
    static String usd(String amount) {
        BigDecimal value = parse(amount);
        if (value == null) {
            return amount == null ? "" : amount;
        }
        return "$"
                + (value.signum() == 0
                        ? "0"
                        : value.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /** What one credit of a pack costs, "$0.24", or empty. */
    static String perCredit(String price, int credits) {
        BigDecimal value = parse(price);
        if (value == null || credits <= 0) {
            return "";
        }
        return "$"
                + value.divide(BigDecimal.valueOf(credits), 2, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    static boolean isFree(String price) {
        BigDecimal value = parse(price);
        return value != null && value.signum() == 0;
    }

    private static BigDecimal parse(String amount) {
        try {
            return amount == null ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
