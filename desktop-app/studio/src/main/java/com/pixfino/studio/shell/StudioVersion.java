package com.pixfino.studio.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version the POM gave the build (version.properties is filtered by Maven), shown in the About dialog. */
public final class StudioVersion {

    private static final String RESOURCE = "/com/pixfino/studio/version.properties";
    private static final String UNKNOWN = "(development)";

    private StudioVersion() {}

    public static String current() {
        try (InputStream in = StudioVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // An IDE that copies resources without filtering leaves the placeholder in place.
            return version.isBlank() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
