package com.pixfino.studio.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a scene shows as target/screenshots/{name}.png, for people to look at. */
public final class Screenshots {

    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {}

    public static void save(Scene scene, String name) {
        WritableImage snap = StudioHarness.call(() -> scene.snapshot(null));
        int width = (int) snap.getWidth();
        int height = (int) snap.getHeight();
        int[] argb = new int[width * height];
        snap.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        try {
            Files.createDirectories(DIR);
            ImageIO.write(image, "png", DIR.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
