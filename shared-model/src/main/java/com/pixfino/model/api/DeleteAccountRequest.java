package com.pixfino.model.api;

/** Body of {@code DELETE /me}: the account's password, asked again because deletion cannot be undone. */
public record DeleteAccountRequest(String password) {

    @Override
    public String toString() {
        return "DeleteAccountRequest[password=***]";
    }
}
