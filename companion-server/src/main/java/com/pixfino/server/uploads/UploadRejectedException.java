package com.pixfino.server.uploads;

/** An upload we refuse, with the HTTP status and machine code the API answers with. */
public final class UploadRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    private UploadRejectedException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    static UploadRejectedException fileTooLarge(long size, long maxBytes) {
        return new UploadRejectedException(413, "file_too_large",
                "The file is " + size + " bytes; the limit is " + maxBytes + " bytes.", null);
    }

    static UploadRejectedException unsupportedMediaType() {
        return new UploadRejectedException(415, "unsupported_media_type",
                "Only JPEG, PNG and WebP images are accepted.", null);
    }

    static UploadRejectedException imageTooLarge(long width, long height, long maxPixels) {
        return new UploadRejectedException(413, "image_too_large",
                "The image is " + width + "x" + height + " pixels; the limit is " + maxPixels + " pixels.", null);
    }

    static UploadRejectedException invalidImage(String why, Throwable cause) {
        return new UploadRejectedException(400, "invalid_image", "The image could not be read: " + why + ".", cause);
    }

    /** HTTP status to answer with (400, 413 or 415). */
    public int status() {
        return status;
    }

    /** Stable machine-readable code, e.g. {@code image_too_large}. */
    public String code() {
        return code;
    }
}
