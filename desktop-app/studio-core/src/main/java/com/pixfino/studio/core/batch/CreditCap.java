package com.pixfino.studio.core.batch;

import com.pixfino.model.api.PresetView;
import java.util.Collection;
import java.util.Map;

/**
 * The batch's spending against its optional credit cap ({@code --max-credits}): what its items have cost, or may have
 * (sent, answer unknown), earlier runs included and refunds taken off, and whether one more item fits.
 */
final class CreditCap {

    private final Long max;
    private final Map<String, PresetView> presets;

    CreditCap(Long max, Map<String, PresetView> presets) {
        this.max = max;
        this.presets = presets;
    }

    long spent(Collection<ManifestItem> items) {
        long spent = 0;
        for (ManifestItem item : items) {
            if (item.generationId() != null) {
                spent += item.refunded() ? 0 : item.credits();
            } else if (item.sent()) {
                spent += cost(item);
            }
        }
        return spent;
    }

    boolean fits(Collection<ManifestItem> items, ManifestItem next) {
        return max == null || spent(items) + cost(next) <= max;
    }

    /** Not even the cheapest item still to send fits under the cap. */
    boolean full(Collection<ManifestItem> items) {
        if (max == null) {
            return false;
        }
        long spent = spent(items);
        return items.stream()
                .filter(item -> !item.status().finished() && !item.paid())
                .mapToInt(this::cost)
                .allMatch(cost -> spent + cost > max);
    }

    /** What the cap leaves for the items still to pay, or {@code wanted} without a cap. */
    long room(Collection<ManifestItem> items, long wanted) {
        return max == null ? wanted : Math.min(wanted, Math.max(0, max - spent(items)));
    }

    int cost(ManifestItem item) {
        PresetView preset = presets.get(item.preset());
        return preset == null ? 0 : preset.credits();
    }
}
