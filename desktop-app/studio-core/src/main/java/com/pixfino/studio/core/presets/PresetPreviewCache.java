package com.pixfino.studio.core.presets;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presets' preview pictures kept on disk, one folder per server, so the browser shows them offline too. A picture
 * is the file {@code <preset id>-<ETag>.jpg}: asking the server again sends that ETag, so an unchanged picture costs
 * a 304 and no bytes, and a changed one replaces the file. Blocking; refuses the UI thread.
 */
public final class PresetPreviewCache {

    private static final Logger LOG = LoggerFactory.getLogger(PresetPreviewCache.class);
    // an ETag as our server writes it ("<sha-256 hex>"); anything else is kept under a hash and fetched again
    private static final Pattern PLAIN_TAG = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String SUFFIX = ".jpg";

    private final Path dir;
    private final UiThreadGuard guard;

    public PresetPreviewCache(Path dir, UiThreadGuard guard) {
        this.dir = dir;
        this.guard = guard;
    }

    /** The picture of the preset kept from {@code server}, if there is one. */
    public Optional<Path> kept(String server, long presetId) {
        guard.refuse("PresetPreviewCache");
        return files(server, presetId).stream().findFirst();
    }

    /**
     * The preset's current picture from {@code server}: the kept one when the server says it is current, a new one
     * saved in its place when not. When the server cannot be asked, the kept one; when the preset has no picture
     * there (any more), none, and the kept one is forgotten.
     */
    public Optional<Path> fresh(CompanionApi api, String server, long presetId) {
        guard.refuse("PresetPreviewCache");
        List<Path> kept = files(server, presetId);
        Optional<Path> current = kept.stream().findFirst();
        String etag = current.map(file -> tagOf(file, presetId)).orElse(null);
        Path incoming = folder(server).resolve(presetId + ".incoming");
        try {
            Optional<String> saved = api.downloadPresetThumbnail(presetId, etag, incoming);
            if (saved.isEmpty()) {
                return current;
            }
            Path file = folder(server).resolve(presetId + "-" + fileTag(saved.get()) + SUFFIX);
            LocalFiles.moveIntoPlace(incoming, file);
            for (Path old : kept) {
                if (!old.equals(file)) {
                    Files.deleteIfExists(old);
                }
            }
            return Optional.of(file);
        } catch (CompanionApiException e) {
            if (e.statusCode() == 404) {
                forget(kept);
                return Optional.empty();
            }
            LOG.info("event=preset_preview_refused preset={} status={}", presetId, e.statusCode());
            return current;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("event=preset_preview_unreachable preset={} reason={}", presetId, e.getMessage());
            return current;
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException e) {
                LOG.debug("event=preset_preview_leftover file={}", incoming);
            }
        }
    }

    /** The kept files of a preset, newest first (normally one). */
    private List<Path> files(String server, long presetId) {
        Path folder = folder(server);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String prefix = presetId + "-";
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(SUFFIX);
                    })
                    .sorted((a, b) -> Long.compare(modified(b), modified(a)))
                    .toList();
        } catch (IOException e) {
            LOG.warn("event=preset_previews_unreadable folder={} reason={}", folder, e.getMessage());
            return List.of();
        }
    }

    /** The ETag to send for a kept file: our server's quoted hash, from the file's name; null for a hashed tag. */
    private static String tagOf(Path file, long presetId) {
        String name = file.getFileName().toString();
        String tag = name.substring((presetId + "-").length(), name.length() - SUFFIX.length());
        return tag.startsWith("h-") ? null : "\"" + tag + "\"";
    }

    private static String fileTag(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        tag = tag.replace("\"", "");
        return PLAIN_TAG.matcher(tag).matches() ? tag : "h-" + sha256(etag).substring(0, 32);
    }

    /** {@code <dir>/<first 16 hex of the SHA-256 of the server's address>}: ids differ from server to server. */
    private Path folder(String server) {
        return dir.resolve(sha256(server).substring(0, 16));
    }

    private static void forget(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("event=preset_preview_not_deleted file={}", file);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
