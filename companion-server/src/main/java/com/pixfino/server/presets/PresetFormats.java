package com.pixfino.server.presets;

import com.pixfino.model.AspectRatio;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import java.util.ArrayList;
import java.util.List;

/** The formats a preset's model can make, as its row stores them ({@code "16:9,9:16,1:1"}), and its default one. */
public final class PresetFormats {

    private PresetFormats() {}

    /** The formats the preset offers, in the order the row lists them; unknown labels are skipped. */
    public static List<AspectRatio> offered(PresetsRecord preset) {
        List<AspectRatio> formats = new ArrayList<>();
        String stored = preset.getAspectRatios();
        if (stored != null) {
            for (String label : stored.split(",")) {
                AspectRatio.parse(label).ifPresent(formats::add);
            }
        }
        return formats.isEmpty() ? List.of(AspectRatio.SQUARE) : List.copyOf(formats);
    }

    /** The format a request that names none gets: the row's default when the preset offers it, else its first. */
    public static AspectRatio defaultOf(PresetsRecord preset) {
        List<AspectRatio> offered = offered(preset);
        return AspectRatio.parse(preset.getDefaultAspectRatio())
                .filter(offered::contains)
                .orElse(offered.get(0));
    }

    /** {@code "16:9, 9:16 or 1:1"}: the offered formats as a sentence ends. */
    public static String sentence(List<AspectRatio> formats) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < formats.size(); i++) {
            if (i > 0) {
                text.append(i == formats.size() - 1 ? " or " : ", ");
            }
            text.append(formats.get(i).label());
        }
        return text.toString();
    }
}
