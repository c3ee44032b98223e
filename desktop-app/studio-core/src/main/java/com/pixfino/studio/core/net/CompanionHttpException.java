package com.pixfino.studio.core.net;

import java.io.IOException;

/** The server answered, but not in a way the studio understands (wrong status code or body). */
public class CompanionHttpException extends IOException {

    private final int statusCode;

    public CompanionHttpException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
