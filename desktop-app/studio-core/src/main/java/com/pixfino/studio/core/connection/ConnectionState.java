package com.pixfino.studio.core.connection;

/** Where the studio stands with its companion server. */
public enum ConnectionState {
    NOT_CHECKED,
    CHECKING,
    STARTING_SERVER,
    CONNECTED,
    /** The server answers but is not healthy (its database is down). */
    DEGRADED,
    OFFLINE,
    INVALID_URL
}
