package com.pixfino.server.uploads;

import static com.pixfino.server.db.jooq.Tables.UPLOADS;

import com.pixfino.model.api.UploadView;
import com.pixfino.server.db.jooq.tables.records.UploadsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.domain.Text;
import com.pixfino.server.storage.Storage;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts a user's photo: checks and normalises it, stores the copy and its thumbnail, records it. */
public record UploadService(DSLContext dsl, Storage storage, ImageIntake intake, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** An upload and whether this request stored it (false: the same bytes were uploaded before). */
    public record Accepted(UploadView upload, boolean created) {}

    /**
     * Stores the photo, or answers the user's earlier upload of exactly these bytes (by their SHA-256), so a resumed
     * batch never stores a photo twice.
     */
    public Accepted accept(UUID userId, byte[] bytes, String originalName) {
        String sha256 = sha256(bytes);
        Optional<UploadView> earlier = bySha256(userId, sha256);
        if (earlier.isPresent()) {
            log.info(
                    "event=upload_deduplicated user={} upload={}",
                    userId,
                    earlier.get().id());
            return new Accepted(earlier.get(), false);
        }
        ProcessedUpload image = intake.process(bytes);
        UUID id = UUID.randomUUID();
        String key = "uploads/" + userId + "/" + id + "." + image.extension();
        String thumbnailKey = "uploads/" + userId + "/" + id + "-thumb.jpg";
        storage.put(key, image.bytes(), image.contentType());
        storage.put(thumbnailKey, image.thumbnail(), "image/jpeg");
        try {
            dsl.insertInto(UPLOADS)
                    .set(UPLOADS.ID, id)
                    .set(UPLOADS.USER_ID, userId)
                    .set(UPLOADS.STORAGE_KEY, key)
                    .set(UPLOADS.THUMBNAIL_KEY, thumbnailKey)
                    .set(UPLOADS.CONTENT_TYPE, image.contentType())
                    .set(UPLOADS.WIDTH, image.width())
                    .set(UPLOADS.HEIGHT, image.height())
                    .set(UPLOADS.SIZE_BYTES, (long) image.bytes().length)
                    .set(UPLOADS.ORIGINAL_FILENAME, safeName(originalName))
                    .set(UPLOADS.CREATED_AT, OffsetDateTime.now(clock))
                    .set(UPLOADS.CONTENT_SHA256, sha256)
                    .execute();
        } catch (DataAccessException e) {
            storage.delete(key);
            storage.delete(thumbnailKey);
            // the same bytes arrived twice at once: the other request stored them
            Optional<UploadView> concurrent = bySha256(userId, sha256);
            if (concurrent.isPresent()) {
                return new Accepted(concurrent.get(), false);
            }
            throw e;
        } catch (RuntimeException e) {
            // no row means nobody can reach the files: remove them rather than leak storage
            storage.delete(key);
            storage.delete(thumbnailKey);
            throw e;
        }
        log.info(
                "event=upload_stored user={} upload={} type={} width={} height={}",
                userId,
                id,
                image.contentType(),
                image.width(),
                image.height());
        return new Accepted(
                new UploadView(id, image.width(), image.height(), image.contentType(), image.placeholderDataUrl()),
                true);
    }

    private Optional<UploadView> bySha256(UUID userId, String sha256) {
        return dsl.selectFrom(UPLOADS)
                .where(UPLOADS.USER_ID.eq(userId))
                .and(UPLOADS.CONTENT_SHA256.eq(sha256))
                .fetchOptional(u -> new UploadView(u.getId(), u.getWidth(), u.getHeight(), u.getContentType(), null));
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** The caller's own upload; another user's id is a 404, exactly like an unknown one. */
    public UploadsRecord owned(UUID userId, UUID uploadId) {
        UploadsRecord upload = dsl.selectFrom(UPLOADS)
                .where(UPLOADS.ID.eq(uploadId))
                .and(UPLOADS.USER_ID.eq(userId))
                .fetchOne();
        if (upload == null) {
            throw DomainException.notFound("Upload " + uploadId);
        }
        return upload;
    }

    public UploadView view(UUID userId, UUID uploadId) {
        UploadsRecord upload = owned(userId, uploadId);
        return new UploadView(upload.getId(), upload.getWidth(), upload.getHeight(), upload.getContentType(), null);
    }

    public InputStream thumbnail(UUID userId, UUID uploadId) {
        return storage.open(owned(userId, uploadId).getThumbnailKey());
    }

    /** Removes every upload row of the user inside the caller's transaction and answers them (their file keys). */
    public java.util.List<UploadsRecord> deleteAllOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(UPLOADS)
                .where(UPLOADS.USER_ID.eq(userId))
                .returning()
                .fetch();
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = Text.strip(name).trim();
        return trimmed.length() > 300 ? trimmed.substring(trimmed.length() - 300) : trimmed;
    }
}
