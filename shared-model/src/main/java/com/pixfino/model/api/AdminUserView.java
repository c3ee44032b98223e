package com.pixfino.model.api;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the admin users table. */
public record AdminUserView(
        UUID id,
        String email,
        String name,
        Role role,
        Tier tier,
        int credits,
        long generations,
        String status,
        OffsetDateTime joinedAt,
        OffsetDateTime lastLoginAt) {}
