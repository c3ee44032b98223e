package com.pixfino.server.config;

/** A setting is wrong or missing; the message is one sentence naming it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
