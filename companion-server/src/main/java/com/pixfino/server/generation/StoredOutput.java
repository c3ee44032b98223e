package com.pixfino.server.generation;

/** A result saved in our Storage, with its thumbnail. */
public record StoredOutput(String key, String contentType, String thumbnailKey, int width, int height) {}
