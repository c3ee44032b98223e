package com.pixfino.server.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;

/** A tiny real MP4 (H.264), as a video provider would return. */
public final class TestVideos {

    private static byte[] clip;

    private TestVideos() {}

    /** Six 160×96 frames at 6 fps, encoded once per test JVM. */
    public static synchronized byte[] mp4() {
        if (clip == null) {
            try {
                Path file = Files.createTempFile(ensureRoot(), "clip", ".mp4");
                AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 6);
                for (int i = 0; i < 6; i++) {
                    BufferedImage frame = new BufferedImage(160, 96, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = frame.createGraphics();
                    g.setColor(new Color(40 * i, 90, 200 - 30 * i));
                    g.fillRect(0, 0, 160, 96);
                    g.dispose();
                    encoder.encodeImage(frame);
                }
                encoder.finish();
                clip = Files.readAllBytes(file);
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clip.clone();
    }

    private static Path ensureRoot() throws IOException {
        return Files.createDirectories(TestDatabases.TestDirs.root());
    }
}
