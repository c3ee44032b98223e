package com.pixfino.studio.core.photo;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a photo's first frame with the decoders the server uses (the JDK's, plus TwelveMonkeys for WebP and CMYK
 * JPEG), skipping rows and columns while decoding when the photo is at least twice the size wanted. A reader per call,
 * so any number of threads may decode at once.
 */
final class PhotoDecoder {

    static {
        // ImageIO registers plugins from the class loader it first sees; in a shaded jar that can miss TwelveMonkeys
        ImageIO.scanForPlugins();
    }

    private PhotoDecoder() {}

    /** What was decoded, and the photo's full size before any subsampling. */
    record Decoded(BufferedImage image, int fullWidth, int fullHeight) {}

    /**
     * @param longEdge the long edge wanted: the decode keeps at least this many pixels along it
     * @throws IOException when the data is corrupt, truncated or of no known type
     */
    static Decoded decode(byte[] bytes, String contentType, int longEdge) throws IOException {
        ImageReader reader = readerFor(contentType);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || (long) width * height > PhotoCheck.MAX_PIXELS) {
                throw new IOException("the photo claims " + width + " x " + height + " pixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(Math.max(width, height), longEdge);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            for (String warning : warnings) {
                // A JPEG cut mid-scan only warns ("Premature end of JPEG file") and decodes grey for the rest
                if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new IOException("the photo is truncated: " + warning);
                }
            }
            return new Decoded(image, width, height);
        } catch (RuntimeException e) {
            // Readers answer some corrupt data with IllegalArgumentException, IndexOutOfBounds and the like
            throw new IOException("the photo cannot be decoded: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /** The largest whole step that still leaves at least {@code longEdge} pixels along {@code edge}. */
    static int subsampling(int edge, int longEdge) {
        return Math.max(1, edge / longEdge);
    }

    private static ImageReader readerFor(String contentType) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + contentType);
        }
        return readers.next();
    }
}
