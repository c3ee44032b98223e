package com.pixfino.studio.core.photo;

/** A photo the server would refuse; {@link #reason()} picks the sentence, {@link #arguments()} fill it in. */
public final class PhotoRejectedException extends Exception {

    /** Why a photo is refused, each with its message key. */
    public enum Reason {
        NOT_A_FILE("photo.rejected.notAFile"),
        EMPTY("photo.rejected.empty"),
        TOO_LARGE("photo.rejected.tooLarge"),
        UNSUPPORTED("photo.rejected.unsupported"),
        HEIC("photo.rejected.heic"),
        TOO_MANY_PIXELS("photo.rejected.tooManyPixels"),
        DAMAGED("photo.rejected.damaged");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public PhotoRejectedException(Reason reason, Object... arguments) {
        super(reason.name());
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
