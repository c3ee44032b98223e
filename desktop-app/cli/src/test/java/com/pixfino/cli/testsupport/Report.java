package com.pixfino.cli.testsupport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code pixfino-report.json} as a test reads it. */
public final class Report {

    private Report() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            String file,
            String preset,
            String status,
            int credits,
            String output,
            @JsonProperty("generation_id") String generationId,
            String error) {}

    /** How many result files (name-preset.ext) lie anywhere under {@code output}, reports and manifest aside. */
    public static long countResults(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !output.relativize(f).startsWith(".pixfino"))
                    .map(f -> f.getFileName().toString())
                    .filter(name -> !name.startsWith("pixfino-report.") && !name.startsWith("."))
                    .count();
        }
    }

    public static List<Row> read(Path output) throws IOException {
        return new ObjectMapper()
                .readValue(Files.readAllBytes(output.resolve("pixfino-report.json")), new TypeReference<>() {});
    }
}
