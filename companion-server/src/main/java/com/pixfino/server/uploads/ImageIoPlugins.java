package com.pixfino.server.uploads;

import javax.imageio.ImageIO;

/** Makes sure ImageIO knows the TwelveMonkeys readers before the first upload is decoded. */
final class ImageIoPlugins {

    static {
        // ImageIO registers plugins once, from the class loader it first sees; in a shaded jar or a
        // container that can miss TwelveMonkeys (and with it WebP), so scan explicitly.
        ImageIO.scanForPlugins();
    }

    private ImageIoPlugins() {}

    /** Triggers the one-time scan; cheap after the first call. */
    static void ensureRegistered() {
        // The static initialiser does the work; the JVM runs it exactly once, thread-safely.
    }
}
