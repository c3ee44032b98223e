package com.pixfino.model.api;

/** Body of {@code POST /auth/password}: the signed-in user's current password and the new one. */
public record ChangePasswordRequest(String currentPassword, String newPassword) {}
