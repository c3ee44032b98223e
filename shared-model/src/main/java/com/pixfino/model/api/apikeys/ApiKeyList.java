package com.pixfino.model.api.apikeys;

import java.util.List;

/** {@code GET /api-keys}: the caller's unrevoked keys, newest first. */
public record ApiKeyList(List<ApiKeyView> items) {}
