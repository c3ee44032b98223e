package com.pixfino.studio.account;

import java.io.IOException;

/** What this computer keeps of an account (the gallery cache), forgotten when the account is deleted. Blocking. */
@FunctionalInterface
public interface LocalAccountData {

    void forget(String ownerId) throws IOException;
}
