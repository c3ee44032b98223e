package com.pixfino.model.api.apikeys;

import java.util.List;

/** {@code POST /api-keys}: a name to recognise the key by and its scopes ({@code generate} includes {@code read}). */
public record CreateApiKeyRequest(String name, List<ApiKeyScope> scopes) {}
