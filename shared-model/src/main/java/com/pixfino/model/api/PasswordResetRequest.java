package com.pixfino.model.api;

/** Body of {@code POST /auth/password-reset}: the address to mail a reset link to, if it has an account. */
public record PasswordResetRequest(String email) {}
