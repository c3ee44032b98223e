package com.pixfino.model.api;

/**
 * Body of {@code POST /auth/register}. {@code referralCode} is optional: the invitation code of the account that
 * invited this one (any case, spaces around it ignored).
 */
public record RegisterRequest(String email, String password, String name, String referralCode) {

    /** Without an invitation code. */
    public RegisterRequest(String email, String password, String name) {
        this(email, password, name, null);
    }
}
