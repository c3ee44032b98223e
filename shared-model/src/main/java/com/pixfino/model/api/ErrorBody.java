package com.pixfino.model.api;

/** Every error the server answers: {@code {"error":{"code","message"}}}. */
public record ErrorBody(Detail error) {

    /** A machine-readable code and a sentence a person can act on. */
    public record Detail(String code, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
