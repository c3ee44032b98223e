package com.pixfino.server.providers;

/** A webhook call whose signature is missing, wrong or too old; nothing may change because of it. */
public class WebhookRejectedException extends RuntimeException {

    private final String code;

    public WebhookRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
