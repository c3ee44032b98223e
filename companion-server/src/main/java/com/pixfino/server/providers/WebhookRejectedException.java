package com.pixfino.server.providers;

import com.pixfino.server.domain.DomainException;

/** A webhook call whose signature is missing, wrong or too old; nothing may change because of it. */
public class WebhookRejectedException extends DomainException {

    public WebhookRejectedException(String code, String message) {
        super(Kind.INVALID, code, message);
    }
}
