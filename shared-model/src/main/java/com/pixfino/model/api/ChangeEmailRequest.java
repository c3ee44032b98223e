package com.pixfino.model.api;

/** Body of {@code POST /api/v1/auth/email}: the signed-in user's password and the address to move to. */
public record ChangeEmailRequest(String currentPassword, String newEmail) {}
