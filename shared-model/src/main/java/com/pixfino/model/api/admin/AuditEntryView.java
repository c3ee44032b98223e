package com.pixfino.model.api.admin;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One admin action: who ({@code adminEmail} is null once that account is gone), on what ({@code targetType} such as
 * {@code user}, and its id), what changed ({@code before} → {@code after}, small objects of the changed fields), why
 * and when.
 */
public record AuditEntryView(
        long id,
        UUID adminId,
        String adminEmail,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> before,
        Map<String, Object> after,
        String reason,
        OffsetDateTime at) {}
