package com.pixfino.studio.core.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code pixfino-report.csv} and {@code pixfino-report.json} in the output folder: one row per file × preset of the
 * whole batch, each file written beside its place and moved in, so a reader never sees half a report.
 */
final class BatchReports {

    static final String CSV = "pixfino-report.csv";
    static final String JSON = "pixfino-report.json";

    /** One report row; {@code status} is completed, failed, skipped or canceled. */
    @JsonPropertyOrder({"file", "preset", "status", "credits", "output", "generation_id", "error"})
    record Row(
            String file,
            String preset,
            String status,
            int credits,
            String output,
            @JsonProperty("generation_id") String generationId,
            String error) {}

    // quotes only the values that need it (a comma, a quote, a line break), not every longer one
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CSV_MAPPER.schemaFor(Row.class).withHeader();
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchReports() {}

    /** The row of an item as the report shows it; outputs relative to the output folder with '/'. */
    static Row row(BatchItem item, Path output) {
        String relative = item.output() == null
                ? ""
                : output.toAbsolutePath()
                        .relativize(item.output().toAbsolutePath())
                        .toString()
                        .replace('\\', '/');
        return new Row(
                item.file(),
                item.preset(),
                item.status().name().toLowerCase(Locale.ROOT),
                item.credits(),
                relative,
                item.generationId() == null ? "" : item.generationId().toString(),
                item.error() == null ? "" : item.error());
    }

    static void write(Path output, List<Row> rows) throws IOException {
        Files.createDirectories(output);
        atomically(output.resolve(CSV), CSV_MAPPER.writer(SCHEMA).writeValueAsBytes(rows));
        atomically(output.resolve(JSON), JSON_MAPPER.writeValueAsBytes(rows));
    }

    private static void atomically(Path target, byte[] bytes) throws IOException {
        // not createTempFile, whose file is private (0600): a report gets the permissions any new file gets here
        Path temp = target.getParent().resolve(".report-" + java.util.UUID.randomUUID() + ".part");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            LocalFiles.moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
