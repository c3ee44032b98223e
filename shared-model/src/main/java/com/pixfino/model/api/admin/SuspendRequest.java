package com.pixfino.model.api.admin;

/** {@code POST /api/v1/admin/users/{id}/suspend} (reason required, 1–500 characters) and {@code /unsuspend} (optional). */
public record SuspendRequest(String reason) {}
