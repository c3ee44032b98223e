package com.pixfino.server.privacy;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.UploadsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The export's JSON rows: what the user may read about themselves, without secrets or our internal costs. */
final class ExportedRows {

    private ExportedRows() {}

    record Profile(
            UUID id,
            String email,
            String name,
            Role role,
            Tier tier,
            int credits,
            AccountStatus status,
            OffsetDateTime createdAt,
            OffsetDateTime lastLoginAt,
            String referralCode) {}

    /** The user's Stripe customer and their subscription as Stripe last told us. */
    record BillingAccount(
            String stripeCustomerId,
            OffsetDateTime createdAt,
            String subscriptionId,
            String plan,
            String subscriptionStatus,
            OffsetDateTime currentPeriodEnd,
            boolean cancelAtPeriodEnd) {}

    /** Credits granted for a payment or a month: the pack session, the invoice or the month, and what was taken back. */
    record Purchase(
            String reference,
            String source,
            String item,
            int credits,
            String paymentIntent,
            int clawedBack,
            OffsetDateTime createdAt) {}

    /** Someone who joined with the user's invitation code: never who, only when and what it earned the user. */
    record ReferralMade(
            String code, String state, OffsetDateTime joinedAt, OffsetDateTime settledAt, int creditsEarned) {}

    /** The invitation the user joined with: the code, when the reward was settled and what it earned the user. */
    record ReferredBy(
            String code,
            String state,
            OffsetDateTime joinedAt,
            OffsetDateTime firstGenerationAt,
            OffsetDateTime settledAt,
            int creditsEarned) {}

    /** An API key as its owner sees it in the list: never the key or its hash. */
    record ApiKey(
            UUID id,
            String name,
            String prefix,
            String scopes,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {}

    /** A collection and the ids of the generations in it. */
    record Collection(UUID id, String name, OffsetDateTime createdAt, List<UUID> generationIds) {}

    /** One of the user's own styles: its base preset by id, with the prompt, negative prompt and format. */
    record Style(
            UUID id,
            String name,
            long basePresetId,
            String prompt,
            String negativePrompt,
            String aspectRatio,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /**
     * A moderation flag about the user: a prompt refused at create (with the listed words it matched), a result a
     * provider refused, or one they reported; and how a moderator resolved it.
     */
    record ModerationFlag(
            long id,
            String source,
            String status,
            UUID generationId,
            String prompt,
            String matched,
            String reason,
            OffsetDateTime createdAt,
            OffsetDateTime resolvedAt,
            String action) {}

    /** A generation or collection deleted recently (kept for other devices to catch up): kind, id and when. */
    record DeletedLibraryItem(String kind, UUID id, OffsetDateTime deletedAt) {}

    /** A webhook endpoint without its signing secret (deliveries and queued events go with it). */
    record Webhook(
            UUID id,
            String url,
            String events,
            OffsetDateTime createdAt,
            OffsetDateTime disabledAt,
            String disabledReason) {}

    record Session(OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime signedOutAt) {}

    /** A promo code the user redeemed and the credits it granted. */
    record PromoRedemption(String code, int credits, OffsetDateTime redeemedAt) {}

    /** A verification or reset link mailed to the user (never the token). */
    record MailedLink(
            String purpose, String email, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

    /** A mail sent (or to be sent) to the user: what and when, not the bodies (they may hold a live link). */
    record Mail(
            UUID id,
            String kind,
            String recipient,
            String subject,
            OffsetDateTime createdAt,
            String state,
            OffsetDateTime sentAt) {}

    /** Which non-essential mails the user wants, and the last week a digest was sent. */
    record NotificationPreferences(
            boolean lowCredits,
            boolean receipts,
            boolean weeklyDigest,
            java.time.LocalDate lastDigestWeek,
            OffsetDateTime updatedAt) {}

    record Upload(
            UUID id,
            String file,
            String thumbnailFile,
            String contentType,
            int width,
            int height,
            long sizeBytes,
            String originalFilename,
            OffsetDateTime createdAt) {

        /** The row as exported; its two files are added to {@code files} to copy after the JSON. */
        static Upload of(UploadsRecord r, List<AccountExport.StoredFile> files) {
            AccountExport.StoredFile file =
                    AccountExport.StoredFile.named("uploads", r.getId().toString(), r.getStorageKey());
            AccountExport.StoredFile thumbnail =
                    AccountExport.StoredFile.named("uploads", r.getId() + "-thumbnail", r.getThumbnailKey());
            files.add(file);
            files.add(thumbnail);
            return new Upload(
                    r.getId(),
                    file.entry(),
                    thumbnail.entry(),
                    r.getContentType(),
                    r.getWidth(),
                    r.getHeight(),
                    r.getSizeBytes(),
                    r.getOriginalFilename(),
                    r.getCreatedAt());
        }
    }

    record Generation(
            UUID id,
            String preset,
            String presetName,
            UUID uploadId,
            String prompt,
            GenerationStatus status,
            MediaKind kind,
            int creditsCharged,
            boolean refunded,
            String provider,
            String errorMessage,
            String file,
            String thumbnailFile,
            String contentType,
            Integer width,
            Integer height,
            OffsetDateTime createdAt,
            OffsetDateTime completedAt,
            boolean favorite,
            List<String> tags) {

        static Generation of(
                GenerationsRecord r,
                String presetSlug,
                String presetName,
                List<String> tags,
                List<AccountExport.StoredFile> files) {
            String file = null;
            String thumbnail = null;
            if (r.getOutputKey() != null) {
                AccountExport.StoredFile output =
                        AccountExport.StoredFile.named("generations", r.getId().toString(), r.getOutputKey());
                files.add(output);
                file = output.entry();
            }
            if (r.getThumbnailKey() != null) {
                AccountExport.StoredFile thumb =
                        AccountExport.StoredFile.named("generations", r.getId() + "-thumbnail", r.getThumbnailKey());
                files.add(thumb);
                thumbnail = thumb.entry();
            }
            return new Generation(
                    r.getId(),
                    presetSlug,
                    presetName,
                    r.getUploadId(),
                    r.getPrompt(),
                    r.getStatus(),
                    r.getMediaKind(),
                    r.getCreditsCharged(),
                    r.getRefunded(),
                    r.getProvider(),
                    r.getErrorMessage(),
                    file,
                    thumbnail,
                    r.getOutputContentType(),
                    r.getWidth(),
                    r.getHeight(),
                    r.getCreatedAt(),
                    r.getCompletedAt(),
                    r.getFavorite(),
                    tags);
        }
    }
}
