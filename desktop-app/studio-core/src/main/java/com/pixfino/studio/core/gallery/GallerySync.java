package com.pixfino.studio.core.gallery;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.Page;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the local cache in line with the server: new results in (with thumbnails), deleted ones out. Blocking. */
public final class GallerySync {

    private static final Logger LOG = LoggerFactory.getLogger(GallerySync.class);
    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 500;

    private final GalleryCache cache;

    public GallerySync(GalleryCache cache) {
        this.cache = cache;
    }

    /** Reads every completed generation from the server into the cache; returns the cached gallery. */
    public List<GalleryItem> sync(CompanionApi api, String owner) throws IOException {
        Map<UUID, GalleryItem> cached = new HashMap<>();
        cache.items(owner).forEach(item -> cached.put(item.id(), item));
        Set<UUID> onServer = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<GenerationView> page = api.generations(GenerationStatus.COMPLETED, cursor, PAGE_SIZE);
            for (GenerationView view : page.items()) {
                onServer.add(view.id());
                GalleryItem known = cached.get(view.id());
                if (known == null || known.thumbnail() == null) {
                    add(api, owner, view);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        if (cursor == null) {
            // Only a complete listing proves that something is gone from the server.
            for (UUID id : cached.keySet()) {
                if (!onServer.contains(id)) {
                    cache.remove(owner, id);
                }
            }
        }
        return cache.items(owner);
    }

    /** Caches one completed generation and its thumbnail; a thumbnail that fails to download is tried next time. */
    public GalleryItem add(CompanionApi api, String owner, GenerationView view) throws IOException {
        GalleryItem item = cache.item(owner, view.id()).orElseGet(() -> GalleryItem.of(view));
        if (item.thumbnail() == null) {
            Path target = cache.thumbnailFile(owner, view.id());
            try {
                api.download(view.id(), true, target);
                item = item.withThumbnail(target);
            } catch (CompanionApiException e) {
                LOG.warn("event=thumbnail_missing generation={} reason={}", view.id(), e.getMessage());
            }
        }
        cache.save(owner, item);
        return item;
    }

    /** The full-size result, downloaded on first use; offline, only an already cached one. */
    public Path original(CompanionApi api, String owner, GalleryItem item) throws IOException {
        GalleryItem current = cache.item(owner, item.id()).orElse(item);
        if (current.original() != null) {
            return current.original();
        }
        if (api == null) {
            throw new IOException("The full-size file is not on this computer yet");
        }
        Path target = cache.originalFile(owner, current);
        api.download(current.id(), false, target);
        cache.save(owner, current.withOriginal(target));
        return target;
    }
}
