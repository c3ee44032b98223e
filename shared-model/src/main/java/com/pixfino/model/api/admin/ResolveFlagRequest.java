package com.pixfino.model.api.admin;

/**
 * {@code POST /api/v1/admin/moderation/flags/{id}/resolve}: {@code action} is {@code dismiss}, {@code
 * delete_generation} (removes the flagged generation like its owner would) or {@code suspend_user} (suspends the
 * flagged user, with the note as the reason); {@code note} is optional, at most 500 characters.
 */
public record ResolveFlagRequest(String action, String note) {}
