package com.pixfino.studio.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The margin a test expects, worked out by hand: credits × $0.27 (the server's default) − API cost. */
final class PresetsMarginText {

    private static final BigDecimal CREDIT = new BigDecimal("0.27");

    private PresetsMarginText() {}

    static String usd(int credits, String apiCost) {
        return CREDIT.multiply(BigDecimal.valueOf(credits))
                .subtract(new BigDecimal(apiCost))
                .setScale(4, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** "$2.39 (98.4 %)" as the editor shows it. */
    static String of(int credits, String apiCost) {
        BigDecimal revenue = CREDIT.multiply(BigDecimal.valueOf(credits));
        BigDecimal margin = revenue.subtract(new BigDecimal(apiCost));
        BigDecimal shown = margin.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2);
        }
        BigDecimal pct = margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
        return "$" + shown.toPlainString() + " (" + pct.toPlainString() + " %)";
    }
}
