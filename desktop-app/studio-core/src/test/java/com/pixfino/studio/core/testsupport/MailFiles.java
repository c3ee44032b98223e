package com.pixfino.studio.core.testsupport;

import com.pixfino.server.testsupport.ReceivedMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The mails a companion server without SMTP wrote as {@code .eml} files under {@code <data dir>/mail-outbox/}, read
 * as a mail client would: a test opens the link a person would click.
 */
public final class MailFiles {

    private final Path outbox;

    public MailFiles(Path dataDir) {
        this.outbox = dataDir.resolve("mail-outbox");
    }

    /** Every mail written so far to {@code address}, oldest first. */
    public List<ReceivedMail> to(String address) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .map(ReceivedMail::read)
                    .filter(m -> m.to().equalsIgnoreCase(address))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the newest mail to {@code address} that links to {@code path} (such as {@code /reset-password}). */
    public ReceivedMail awaitLink(String address, String path, int count) {
        return Awaitility.await("mail " + count + " to " + address + " linking to " + path)
                .atMost(Duration.ofSeconds(30))
                .until(() -> linking(address, path), mails -> mails.size() >= count)
                .get(count - 1);
    }

    private List<ReceivedMail> linking(String address, String path) {
        return to(address).stream()
                .filter(m -> m.text() != null && m.text().contains(path + "?token="))
                .toList();
    }
}
