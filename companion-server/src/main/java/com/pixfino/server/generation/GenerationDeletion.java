package com.pixfino.server.generation;

import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.storage.Storage;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a generation, start to end: one still running is canceled and refunded (and its provider
 * asked to stop), then the row goes, then its files. Files go last so a failure part-way leaves at
 * worst unreferenced files, never a row pointing at missing ones.
 */
public record GenerationDeletion(GenerationStore store, JobQueue jobs, Storage storage) {

    private static final Logger log = LoggerFactory.getLogger(GenerationDeletion.class);

    /**
     * Deleting again is done already (no error) as long as the generation's tombstone is kept, like deleting a
     * collection again: a retry whose first answer was lost must not fail.
     *
     * @throws DomainException NOT_FOUND when the user never had such a generation (another user's is not theirs), or
     *                         deleted it so long ago that its tombstone was purged
     */
    public void delete(UUID userId, UUID id) {
        Optional<GenerationsRecord> found = store.findOwned(userId, id);
        if (found.isEmpty()) {
            requireDeletedByOwner(userId, id);
            return;
        }
        GenerationsRecord row = found.get();
        if (!row.getStatus().isFinal()) {
            store.cancel(id)
                    .ifPresent(canceled -> jobs.cancelAtProvider(canceled.getProvider(), canceled.getProviderJobId()));
        }
        // the row as it was when removed: a job that completed meanwhile has its output keys in it
        Optional<GenerationsRecord> removed = store.delete(userId, id);
        if (removed.isEmpty()) {
            // a concurrent delete of the same generation won: that one removes the files
            requireDeletedByOwner(userId, id);
            return;
        }
        GenerationsRecord deleted = removed.get();
        if (deleted.getOutputKey() != null) {
            storage.delete(deleted.getOutputKey());
        }
        if (deleted.getThumbnailKey() != null) {
            storage.delete(deleted.getThumbnailKey());
        }
        log.info(
                "event=generation_deleted user={} generation={} status={} refunded={}",
                userId,
                id,
                deleted.getStatus(),
                deleted.getRefunded());
    }

    private void requireDeletedByOwner(UUID userId, UUID id) {
        if (!store.deletedByOwner(userId, id)) {
            throw notFound(id);
        }
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("Generation " + id);
    }
}
