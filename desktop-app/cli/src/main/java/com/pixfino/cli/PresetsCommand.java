package com.pixfino.cli;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.net.ApiFactory;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code pixfino presets}: the catalog's slugs with name, kind and cost, as a table. */
@Command(name = "presets", description = "List the presets: slug (for --preset), name, kind and credits per photo.")
final class PresetsCommand extends ServerCommand {

    PresetsCommand(Console console, ApiFactory apis) {
        super(console, apis);
    }

    @Override
    public Integer call() throws Exception {
        List<PresetView> presets = server.anyone(console, apis).presets().stream()
                .sorted(Comparator.comparing(PresetView::slug))
                .toList();
        print(console.out(), presets);
        return ExitCode.OK;
    }

    static void print(PrintStream out, List<PresetView> presets) {
        int slug = "SLUG".length();
        int name = "NAME".length();
        for (PresetView preset : presets) {
            slug = Math.max(slug, preset.slug().length());
            name = Math.max(name, preset.name().length());
        }
        String format = "%-" + slug + "s  %-" + name + "s  %-5s  %7s%n";
        out.printf(Locale.ROOT, format, "SLUG", "NAME", "KIND", "CREDITS");
        for (PresetView preset : presets) {
            out.printf(
                    Locale.ROOT,
                    format,
                    preset.slug(),
                    preset.name(),
                    preset.kind().name().toLowerCase(Locale.ROOT),
                    preset.credits());
        }
    }
}
