package com.pixfino.studio.core.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link FakeCompanionServer} into a runnable jar that stands in for the real server jar. */
public final class FakeCompanionJar {

    private FakeCompanionJar() {}

    public static Path create(Path dir) throws IOException {
        Path jar = dir.resolve("fake-companion.jar");
        String entry = FakeCompanionServer.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeCompanionServer.class.getName());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile =
                        FakeCompanionServer.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** The java binary running the tests, as the studio would use for the real jar. */
    public static Path currentJava() {
        return Path.of(ProcessHandle.current().info().command().orElseThrow());
    }
}
