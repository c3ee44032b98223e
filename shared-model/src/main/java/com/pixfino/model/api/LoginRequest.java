package com.pixfino.model.api;

/** Body of {@code POST /auth/login}. */
public record LoginRequest(String email, String password) {}
