package com.pixfino.studio.core.account;

/**
 * What {@code GET /me} says about the user's address: {@code pendingEmail} is a requested change waiting for its
 * link to be opened, or null.
 */
public record EmailState(String email, boolean emailVerified, String pendingEmail) {

    public boolean hasPendingChange() {
        return pendingEmail != null && !pendingEmail.isBlank();
    }
}
