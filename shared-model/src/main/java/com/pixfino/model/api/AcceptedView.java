package com.pixfino.model.api;

/** A 202 answer: the request was taken and its mail, if any, goes out shortly; {@code message} says so for people. */
public record AcceptedView(String message) {}
