package com.pixfino.server.providers.local;

import com.pixfino.server.providers.local.RenderRecipe.Aspect;
import com.pixfino.server.providers.local.RenderRecipe.Motion;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pan/zoom clip over the graded photo, encoded as H.264 in an MP4 container with JCodec (pure Java). */
final class VideoRenderer {

    static final int LONG_SIDE = 1280;
    static final int SHORT_SIDE = 720;
    /** The graded base is this much larger than the viewport, so the tightest zoom still has 1:1 pixels. */
    private static final double MAX_ZOOM = 1.35;

    private static final Logger LOG = LoggerFactory.getLogger(VideoRenderer.class);

    private final LocalRenderer stills;

    VideoRenderer(LocalRenderer stills) {
        this.stills = stills;
    }

    /**
     * @param exactAspect the recipe's own aspect at about 1280×720's pixel count (a format the creator asked for);
     *     false: 16:9 or 9:16, whichever is nearer the recipe's
     * @param grainSeed draws the grain's noise
     */
    void render(BufferedImage photo, RenderRecipe recipe, Path mp4Out, boolean exactAspect, long grainSeed)
            throws IOException {
        long start = System.nanoTime();
        boolean portrait = recipe.aspect().isPortrait();
        int w = portrait ? SHORT_SIDE : LONG_SIDE;
        int h = portrait ? LONG_SIDE : SHORT_SIDE;
        RenderRecipe r = recipe.withAspect(portrait ? Aspect.PORTRAIT_9_16 : Aspect.LANDSCAPE_16_9);
        if (exactAspect) {
            // H.264 wants even sides; the area stays that of 720p
            double ratio = recipe.aspect().ratio();
            w = even(Math.sqrt((double) LONG_SIDE * SHORT_SIDE * ratio));
            h = even(w / ratio);
            r = recipe;
        }
        FramePlate plate = Frames.plate(r, w, h, LocalRenderer.aspectOf(photo));
        Rectangle view = plate.photoArea();
        // grade once on a larger base; per frame we only move a window over it
        BufferedImage base = stills.gradedPhoto(
                photo, r, (int) Math.round(view.width * MAX_ZOOM), (int) Math.round(view.height * MAX_ZOOM));
        long graded = System.nanoTime();
        Motion motion = r.motion() != null ? r.motion() : Motion.KEN_BURNS;
        Point2D face = Framing.faceInCrop(photo, (double) base.getWidth() / base.getHeight());
        int frames = r.seconds() * r.fps();

        BufferedImage frameImage = new BufferedImage(view.width, view.height, BufferedImage.TYPE_INT_RGB);
        Picture picture = Picture.create(w, h, ColorSpace.RGB);
        try (SeekableByteChannel channel = NIOUtils.writableChannel(mp4Out.toFile())) {
            // JCodec's "MOV" format is its ISO-BMFF muxer and writes an 'isom' MP4 brand (the test checks)
            SequenceEncoder encoder =
                    new SequenceEncoder(channel, Rational.R(r.fps(), 1), Format.MOV, Codec.H264, null);
            for (int i = 0; i < frames; i++) {
                double t = frames == 1 ? 0 : (double) i / (frames - 1);
                drawWindow(base, frameImage, CameraPath.at(motion, easeInOut(t), MAX_ZOOM, face));
                // grain is the same on every frame: fresh noise per frame is incompressible and made clips ~2.4x bigger
                Effects.lens(LocalRenderer.pixels(frameImage), view.width, view.height, r, grainSeed);
                toPicture(plate.compose(frameImage), picture);
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
        }
        Mp4Times.clear(mp4Out); // the muxer stamps the render time: the same seed must give the same bytes
        LOG.info(
                "local video rendered w={} h={} frames={} motion={} gradeMillis={} totalMillis={}",
                w,
                h,
                frames,
                motion,
                (graded - start) / 1_000_000,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Bilinear, sub-pixel placement of the window: integer crops would make slow moves visibly judder. */
    private static void drawWindow(BufferedImage base, BufferedImage target, CameraPath.Window win) {
        double ww = win.size() * base.getWidth();
        double wh = win.size() * base.getHeight();
        double x0 = win.centreX() * base.getWidth() - ww / 2;
        double y0 = win.centreY() * base.getHeight() - wh / 2;
        AffineTransform tx = AffineTransform.getScaleInstance(target.getWidth() / ww, target.getHeight() / wh);
        tx.translate(-x0, -y0);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(base, tx, null);
        g.dispose();
    }

    private static double easeInOut(double t) {
        return (1 - Math.cos(Math.PI * t)) / 2;
    }

    /** Packs RGB into JCodec's interleaved plane (signed, centred on 0) without a per-pixel getRGB call. */
    private static void toPicture(BufferedImage rgb, Picture picture) {
        int[] px = LocalRenderer.pixels(rgb);
        byte[] data = picture.getPlaneData(0);
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            int c = px[i];
            data[j] = (byte) (((c >> 16) & 0xff) - 128);
            data[j + 1] = (byte) (((c >> 8) & 0xff) - 128);
            data[j + 2] = (byte) ((c & 0xff) - 128);
        }
    }

    private static int even(double size) {
        return 2 * (int) Math.round(size / 2);
    }
}
