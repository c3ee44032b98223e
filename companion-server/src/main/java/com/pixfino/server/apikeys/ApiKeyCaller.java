package com.pixfino.server.apikeys;

import com.pixfino.model.Role;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import java.util.Set;
import java.util.UUID;

/** Whom a valid API key belongs to, and what it may do. */
public record ApiKeyCaller(UUID userId, Role role, UUID keyId, Set<ApiKeyScope> scopes) {}
