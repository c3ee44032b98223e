package com.pixfino.studio.admin.presets;

import com.pixfino.model.api.admin.AdminPresetView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

/**
 * What a preset earns per run, by the server's formula: margin = credits × the credit value − API cost, and its share
 * of the revenue in percent with one decimal. The credit value is the server's ({@code PIXFINO_CREDIT_VALUE_USD}),
 * read back from its answers: revenue = margin + API cost.
 */
public record PresetMargin(BigDecimal usd, BigDecimal percent) {

    /** The server's default credit value, used until a listed preset tells the configured one. */
    public static final BigDecimal DEFAULT_CREDIT_VALUE = new BigDecimal("0.27");

    public static PresetMargin of(int credits, BigDecimal apiCostUsd, BigDecimal creditValueUsd) {
        BigDecimal revenue = creditValueUsd.multiply(BigDecimal.valueOf(credits));
        BigDecimal margin = revenue.subtract(apiCostUsd).setScale(4, RoundingMode.HALF_UP);
        BigDecimal pct = revenue.signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
        return new PresetMargin(margin, pct);
    }

    public boolean negative() {
        return usd.signum() < 0;
    }

    /** The credit value the server used for these presets' margins; empty when none has credits to tell it. */
    public static Optional<BigDecimal> creditValue(Collection<AdminPresetView> presets) {
        for (AdminPresetView preset : presets) {
            if (preset.credits() > 0 && preset.marginUsd() != null && preset.apiCostUsd() != null) {
                try {
                    BigDecimal revenue = new BigDecimal(preset.marginUsd()).add(new BigDecimal(preset.apiCostUsd()));
                    return Optional.of(revenue.divide(BigDecimal.valueOf(preset.credits()), 4, RoundingMode.HALF_UP)
                            .stripTrailingZeros());
                } catch (NumberFormatException e) {
                    // not a decimal: try the next preset
                }
            }
        }
        return Optional.empty();
    }
}
