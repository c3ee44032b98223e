package com.pixfino.server.accounts;

import com.pixfino.model.Role;
import java.util.UUID;

/** A signed-in session: the active user a bearer token belongs to, and the token's stored hash (to sign it out). */
public record Session(UUID userId, Role role, String tokenHash) {}
