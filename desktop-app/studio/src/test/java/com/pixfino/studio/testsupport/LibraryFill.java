package com.pixfino.studio.testsupport;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.core.library.LibraryCatalog;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Fills a real {@link LibraryCatalog} as a first sync would: finished generations through {@code apply}, each with
 * a generated thumbnail file where the catalogue keeps them, so the gallery shows pictures without a server.
 */
public final class LibraryFill {

    public static final String[] PRESETS = {"Snow Princess", "Neon Portrait", "Oil Painting", "Runway Reel"};

    private LibraryFill() {}

    /** A finished generation as the change feed sends it. */
    public static GenerationView view(
            UUID id,
            String preset,
            MediaKind kind,
            String prompt,
            OffsetDateTime at,
            boolean favorite,
            List<String> tags) {
        return new GenerationView(
                id,
                1 + Math.abs(preset.hashCode() % 7),
                preset,
                kind,
                GenerationStatus.COMPLETED,
                kind == MediaKind.VIDEO ? 12 : 4,
                false,
                prompt,
                UUID.randomUUID(),
                kind == MediaKind.VIDEO ? "runway" : "replicate",
                kind == MediaKind.VIDEO ? "gen4_turbo" : "black-forest-labs/flux-kontext-pro",
                null,
                null,
                kind == MediaKind.VIDEO ? "video/mp4" : "image/jpeg",
                null,
                1024,
                1024,
                null,
                at.minusSeconds(40),
                at.minusSeconds(35),
                at,
                favorite,
                tags,
                List.of(),
                1,
                at,
                "1:1",
                7L,
                null,
                null,
                1);
    }

    /** {@code count} generated results, one a minute back from now, presets and kinds cycling; thumbnails written. */
    public static List<UUID> fill(LibraryCatalog catalog, int count) throws IOException {
        List<byte[]> thumbnails = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            thumbnails.add(jpeg(Color.getHSBColor(i / 8f, 0.55f, 0.85f)));
        }
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        List<UUID> ids = new ArrayList<>(count);
        List<GenerationView> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String preset = PRESETS[i % PRESETS.length];
            MediaKind kind = preset.equals("Runway Reel") ? MediaKind.VIDEO : MediaKind.IMAGE;
            batch.add(view(id, preset, kind, "result number " + i, now.minusMinutes(i), false, List.of()));
            Files.write(catalog.folder().resolve(id + "-thumb.jpg"), thumbnails.get(i % thumbnails.size()));
            if (batch.size() == 1000 || i == count - 1) {
                catalog.apply(new LibraryChanges(batch, List.of(), List.of(), List.of(), "fill-" + i, false, false));
                batch.clear();
            }
        }
        return ids;
    }

    public static byte[] jpeg(Color color) throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 256, 256);
        g.setColor(color.darker());
        g.fillOval(48, 48, 160, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
