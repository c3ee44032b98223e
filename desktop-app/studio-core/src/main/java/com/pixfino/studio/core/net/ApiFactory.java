package com.pixfino.studio.core.net;

/** Makes the (signed-out) API of a server; tests hand in a fake. */
@FunctionalInterface
public interface ApiFactory {

    CompanionApi forServer(ServerUrl server);
}
