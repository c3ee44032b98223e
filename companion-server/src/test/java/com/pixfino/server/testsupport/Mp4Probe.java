package com.pixfino.server.testsupport;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/** Decodes every frame of an MP4 with JCodec: what a test needs to know about a rendered video. */
public record Mp4Probe(String brand, int width, int height, int frames, BufferedImage first, BufferedImage last) {

    public static Mp4Probe of(byte[] mp4) throws Exception {
        String brand = new String(Arrays.copyOfRange(mp4, 4, 12), StandardCharsets.US_ASCII);
        FrameGrab grab = FrameGrab.createFrameGrab(new ByteBufferSeekableByteChannel(ByteBuffer.wrap(mp4), mp4.length));
        BufferedImage first = null;
        BufferedImage last = null;
        int count = 0;
        Picture picture;
        while ((picture = grab.getNativeFrame()) != null) {
            last = AWTUtil.toBufferedImage(picture);
            if (first == null) {
                first = last;
            }
            count++;
        }
        return new Mp4Probe(
                brand, first == null ? 0 : first.getWidth(), first == null ? 0 : first.getHeight(), count, first, last);
    }
}
