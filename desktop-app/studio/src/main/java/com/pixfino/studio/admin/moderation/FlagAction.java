package com.pixfino.studio.admin.moderation;

/** What resolving a flag does, with its name on the wire; the last two are asked about first. */
public enum FlagAction {
    DISMISS("dismiss", false),
    DELETE_GENERATION("delete_generation", true),
    SUSPEND_USER("suspend_user", true);

    private final String wire;
    private final boolean destructive;

    FlagAction(String wire, boolean destructive) {
        this.wire = wire;
        this.destructive = destructive;
    }

    public String wire() {
        return wire;
    }

    public boolean destructive() {
        return destructive;
    }

    /** The bundle key's last part: {@code dismiss}, {@code deleteGeneration}, {@code suspendUser}. */
    public String key() {
        return switch (this) {
            case DISMISS -> "dismiss";
            case DELETE_GENERATION -> "deleteGeneration";
            case SUSPEND_USER -> "suspendUser";
        };
    }

    public static FlagAction ofWire(String wire) {
        for (FlagAction action : values()) {
            if (action.wire.equals(wire)) {
                return action;
            }
        }
        return null;
    }
}
