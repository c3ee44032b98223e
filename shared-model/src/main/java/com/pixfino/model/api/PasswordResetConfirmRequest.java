package com.pixfino.model.api;

/** Body of {@code POST /auth/password-reset/confirm}: the token from the mailed link and the new password. */
public record PasswordResetConfirmRequest(String token, String password) {}
