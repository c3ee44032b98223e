package com.pixfino.model.api.library;

import java.util.List;

/**
 * {@code PATCH /api/v1/generations/{id}}: every field optional. {@code favorite} is last-writer-wins; tags
 * change by add and remove so two devices tagging at once both keep theirs.
 */
public record LibraryPatch(Boolean favorite, List<String> addTags, List<String> removeTags) {}
