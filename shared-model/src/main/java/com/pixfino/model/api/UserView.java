package com.pixfino.model.api;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import java.util.UUID;

/** The signed-in user as {@code GET /me} shows it. */
public record UserView(UUID id, String email, String name, Role role, Tier tier, int credits) {}
