package com.pixfino.model.api;

/** A bearer token and the user it belongs to. */
public record AuthResponse(String token, UserView user) {}
