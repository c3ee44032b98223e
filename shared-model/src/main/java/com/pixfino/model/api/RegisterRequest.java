package com.pixfino.model.api;

/** Body of {@code POST /auth/register}. */
public record RegisterRequest(String email, String password, String name) {}
