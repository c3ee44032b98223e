package com.pixfino.server.generation;

import com.pixfino.server.providers.CallDeadline;
import com.pixfino.server.providers.CallDeadlineExceededException;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.storage.Storage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/** Puts a provider's result into our Storage (downloading it when it is a link) with a 400 px thumbnail. */
public final class OutputStore {

    private static final long MAX_OUTPUT_BYTES = 500L * 1024 * 1024;
    private static final int THUMBNAIL_EDGE = 400;

    private final Storage storage;
    private final OkHttpClient http;

    /** {@code http} is the server's shared client; downloads get a longer overall limit than API calls. */
    public OutputStore(Storage storage, OkHttpClient http) {
        this.storage = storage;
        this.http = http.newBuilder().callTimeout(Duration.ofMinutes(5)).build();
    }

    /** A result given as a link is downloaded within {@code deadline}, the generation's. */
    public StoredOutput store(UUID userId, UUID generationId, ProviderPoll.Output output, CallDeadline deadline) {
        Downloaded file =
                output.bytes() != null ? new Downloaded(output.bytes(), null) : download(output.url(), deadline);
        byte[] bytes = file.bytes();
        // a provider that gives only a link leaves the type to the server that hosts the file
        String contentType = output.contentType() != null
                ? output.contentType()
                : file.servedType() != null ? file.servedType() : "application/octet-stream";
        boolean video = contentType.startsWith("video/");
        BufferedImage still = video ? firstFrame(bytes) : decode(bytes);
        String base = "generations/" + userId + "/" + generationId;
        String key = base + extension(contentType);
        String thumbnailKey = base + "-thumb.jpg";
        storage.put(key, bytes, contentType);
        storage.put(thumbnailKey, thumbnail(still), "image/jpeg");
        return new StoredOutput(key, contentType, thumbnailKey, still.getWidth(), still.getHeight());
    }

    /** Removes a stored result that lost the race to a cancel. */
    public void discard(StoredOutput output) {
        storage.delete(output.key());
        storage.delete(output.thumbnailKey());
    }

    /** Downloaded bytes and the media type their server gave, if it named one. */
    private record Downloaded(byte[] bytes, String servedType) {}

    private Downloaded download(URI url, CallDeadline deadline) {
        if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw ProviderException.permanent("malformed_output", "The provider returned no usable result link.");
        }
        if (deadline.isOver()) {
            throw new CallDeadlineExceededException(url.getHost(), "the result download");
        }
        Call call = http.newCall(new Request.Builder().url(url.toString()).get().build());
        if (!deadline.isNone()) {
            // Okio reads 0 as "no limit"
            call.timeout()
                    .timeout(
                            Math.max(1, Math.min(deadline.remaining().toMillis(), http.callTimeoutMillis())),
                            TimeUnit.MILLISECONDS);
        }
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw ProviderException.transientFault(
                        "download_failed", "Downloading the result failed with HTTP " + response.code() + ".");
            }
            MediaType served = response.body().contentType();
            String servedType = served == null ? null : served.type() + "/" + served.subtype();
            if (servedType != null && !servedType.startsWith("image/") && !servedType.startsWith("video/")) {
                servedType = null;
            }
            try (InputStream in = response.body().byteStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_OUTPUT_BYTES) {
                        throw ProviderException.permanent("output_too_large", "The result is larger than 500 MB.");
                    }
                    out.write(buffer, 0, n);
                }
                return new Downloaded(out.toByteArray(), servedType);
            }
        } catch (IOException e) {
            if (deadline.isOver()) {
                throw new CallDeadlineExceededException(url.getHost(), "the result download");
            }
            throw ProviderException.transientFault(
                    "download_failed", "Downloading the result failed: " + e.getMessage());
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw ProviderException.permanent(
                        "malformed_output", "The provider's result is not an image we can read.");
            }
            return image;
        } catch (IOException e) {
            throw ProviderException.permanent(
                    "malformed_output", "The provider's result could not be read: " + e.getMessage());
        }
    }

    private static BufferedImage firstFrame(byte[] mp4) {
        try {
            FrameGrab grab =
                    FrameGrab.createFrameGrab(new ByteBufferSeekableByteChannel(ByteBuffer.wrap(mp4), mp4.length));
            Picture picture = grab.getNativeFrame();
            if (picture == null) {
                throw ProviderException.permanent("malformed_output", "The provider's video has no frames.");
            }
            return AWTUtil.toBufferedImage(picture);
        } catch (IOException | JCodecException | RuntimeException e) {
            if (e instanceof ProviderException p) {
                throw p;
            }
            throw ProviderException.permanent(
                    "malformed_output", "The provider's video could not be read: " + e.getMessage());
        }
    }

    private static byte[] thumbnail(BufferedImage still) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Thumbnails.of(still)
                    .size(THUMBNAIL_EDGE, THUMBNAIL_EDGE)
                    .outputFormat("jpg")
                    .outputQuality(0.85)
                    .toOutputStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("thumbnail encoding failed", e);
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            default -> ".bin";
        };
    }
}
