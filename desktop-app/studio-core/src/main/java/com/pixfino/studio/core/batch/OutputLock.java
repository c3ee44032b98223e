package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.i18n.Messages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per output folder (the studio and the CLI, or two terminals, on the same batch would each send
 * the other's items): an OS lock on {@code <output>/.pixfino/batch.lock}, released when the run ends or its process
 * dies.
 */
final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock take(Path output, Messages messages) throws IOException {
        Path file = output.resolve(BatchManifest.FOLDER).resolve("batch.lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this process
        }
        if (lock == null) {
            channel.close();
            throw new BatchRequestException(messages.get("batch.refused.busy", output.toString()));
        }
        return new OutputLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and with the process at the latest
        }
    }
}
