package com.pixfino.model.api.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the moderation queue ({@code GET /api/v1/admin/moderation/flags}).
 *
 * <p>{@code source} is {@code prompt} (a prompt refused at create: {@code prompt} and {@code matched} are set, there is
 * no generation), {@code provider} (a provider refused a job for safety: {@code generationId} and the provider's
 * {@code reason}) or {@code report} (a user reported a result: {@code generationId} and their {@code reason}).
 * {@code status} is {@code open} or {@code resolved}; once resolved, {@code resolvedAt}, {@code resolvedBy} (the
 * admin's id), {@code action} ({@code dismiss}, {@code delete_generation} or {@code suspend_user}) and the optional
 * {@code note} are set. A user's flags go with their account when it is deleted.
 */
public record ModerationFlagView(
        long id,
        String source,
        String status,
        UUID userId,
        String userEmail,
        UUID generationId,
        String prompt,
        List<String> matched,
        String reason,
        OffsetDateTime createdAt,
        OffsetDateTime resolvedAt,
        UUID resolvedBy,
        String action,
        String note) {

    public ModerationFlagView {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
