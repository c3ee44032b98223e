package com.pixfino.studio.core.library;

import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionHttpException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the catalogue's outbox to the server in order. Every op is idempotent there (tags by add and remove, the
 * collection's id chosen here, deletes that answer 404 once done), so an op sent twice after a crash changes
 * nothing. A network error, 5xx, 408 or 429 stops the replay for a later retry; any other refusal drops the op,
 * re-reads the item from the server so the refused edit disappears here too, and tells {@code refused}.
 */
public final class OutboxReplay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxReplay.class);

    private final LibraryCatalog catalog;
    private final Consumer<String> refused;

    public OutboxReplay(LibraryCatalog catalog, Consumer<String> refused) {
        this.catalog = catalog;
        this.refused = refused;
    }

    /** How a replay ended: everything sent, or stopped with the wait the server asked for (if it asked). */
    public record Outcome(int sent, int dropped, boolean stopped, Optional<Duration> retryAfter) {}

    public Outcome replay(CompanionApi api) throws IOException {
        int sent = 0;
        int dropped = 0;
        for (OutboxOp op : catalog.pending()) {
            try {
                send(api, op);
                catalog.done(op);
                sent++;
            } catch (CompanionHttpException e) {
                int status = e.statusCode();
                if (status == 404
                        && (op.kind() == OutboxOp.Kind.DELETE_GENERATION
                                || op.kind() == OutboxOp.Kind.DELETE_COLLECTION)) {
                    catalog.done(op); // already gone: that is what we wanted
                    sent++;
                } else if (retryLater(status)) {
                    return new Outcome(sent, dropped, true, e.retryAfter());
                } else {
                    LOG.warn("event=library_edit_refused kind={} target={} status={}", op.kind(), op.target(), status);
                    catalog.done(op);
                    dropped++;
                    undo(api, op);
                    refused.accept(e.getMessage());
                }
            } catch (IOException e) {
                LOG.debug("event=library_replay_offline reason={}", e.getMessage());
                return new Outcome(sent, dropped, true, Optional.empty());
            }
        }
        return new Outcome(sent, dropped, false, Optional.empty());
    }

    private static boolean retryLater(int status) {
        return status >= 500 || status == 408 || status == 429 || status == 401 || status == 0;
    }

    private static void send(CompanionApi api, OutboxOp op) throws IOException {
        switch (op.kind()) {
            case FAVORITE -> api.patchGeneration(op.target(), new LibraryPatch(op.favorite(), null, null));
            case ADD_TAGS -> api.patchGeneration(op.target(), new LibraryPatch(null, op.tags(), null));
            case REMOVE_TAGS -> api.patchGeneration(op.target(), new LibraryPatch(null, null, op.tags()));
            case CREATE_COLLECTION -> api.createCollection(new CollectionRequest(op.target(), op.name()));
            case RENAME_COLLECTION -> api.renameCollection(op.target(), op.name());
            case DELETE_COLLECTION -> api.deleteCollection(op.target());
            case COLLECTION_ITEMS ->
                api.collectionItems(op.target(), new CollectionItemsRequest(op.add(), op.remove()));
            case DELETE_GENERATION -> api.delete(op.target());
        }
    }

    // The server refused the edit: what it knows replaces what the edit did here.
    private void undo(CompanionApi api, OutboxOp op) throws IOException {
        List<UUID> items = new ArrayList<>();
        if (op.onGeneration()) {
            items.add(op.target());
        } else if (op.kind() == OutboxOp.Kind.CREATE_COLLECTION) {
            catalog.forgetCollectionLocally(op.target());
        } else if (op.kind() == OutboxOp.Kind.COLLECTION_ITEMS) {
            items.addAll(op.add());
            items.addAll(op.remove());
        }
        for (UUID id : items) {
            try {
                GenerationView view = api.generation(id);
                catalog.refresh(view);
            } catch (CompanionHttpException e) {
                if (e.statusCode() == 404) {
                    catalog.forget(id);
                } else {
                    throw e;
                }
            }
        }
    }
}
