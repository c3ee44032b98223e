package com.pixfino.studio.core.admin;

import com.pixfino.studio.core.net.CompanionApi;

/** The admin API of a signed-in session, made from its {@link CompanionApi}; tests hand in a fake. */
@FunctionalInterface
public interface AdminAccess {

    AdminApi of(CompanionApi signedIn);
}
