package com.pixfino.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error the server answers: {@code {"error":{"code","message"}}}, plus {@code errorId} when the server failed. */
public record ErrorBody(Detail error) {

    /**
     * A machine-readable code and a sentence a person can act on; {@code errorId} (only on a server failure) names
     * the one log entry that tells what went wrong, for a support request.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String errorId) {

        public Detail(String code, String message) {
            this(code, message, null);
        }
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }

    public static ErrorBody of(String code, String message, String errorId) {
        return new ErrorBody(new Detail(code, message, errorId));
    }
}
