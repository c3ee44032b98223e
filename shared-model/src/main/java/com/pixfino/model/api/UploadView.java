package com.pixfino.model.api;

import java.util.UUID;

/** An accepted upload: stored, oriented and stripped of metadata. */
public record UploadView(UUID id, int width, int height, String contentType, String placeholder) {}
