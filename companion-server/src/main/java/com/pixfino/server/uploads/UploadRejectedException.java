package com.pixfino.server.uploads;

import com.pixfino.server.domain.DomainException;

/** An upload we refuse: too many bytes or pixels, a type we do not take, or an image that does not decode. */
public final class UploadRejectedException extends DomainException {

    private UploadRejectedException(Kind kind, String code, String message, Throwable cause) {
        super(kind, code, message, cause);
    }

    static UploadRejectedException fileTooLarge(long size, long maxBytes) {
        return new UploadRejectedException(
                Kind.TOO_LARGE,
                "file_too_large",
                "The file is " + size + " bytes; the limit is " + maxBytes + " bytes.",
                null);
    }

    static UploadRejectedException unsupportedMediaType() {
        return new UploadRejectedException(
                Kind.UNSUPPORTED_MEDIA, "unsupported_media_type", "Only JPEG, PNG and WebP images are accepted.", null);
    }

    static UploadRejectedException imageTooLarge(long width, long height, long maxPixels) {
        return new UploadRejectedException(
                Kind.TOO_LARGE,
                "image_too_large",
                "The image is " + width + "x" + height + " pixels; the limit is " + maxPixels + " pixels.",
                null);
    }

    static UploadRejectedException invalidImage(String why, Throwable cause) {
        return new UploadRejectedException(
                Kind.INVALID, "invalid_image", "The image could not be read: " + why + ".", cause);
    }
}
