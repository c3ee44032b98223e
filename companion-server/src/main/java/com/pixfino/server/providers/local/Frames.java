package com.pixfino.server.providers.local;

import com.pixfino.server.providers.local.RenderRecipe.FrameStyle;
import java.awt.Rectangle;

/** Where the photo goes inside the output for each frame style; the drawing itself is in {@link FramePlate}. */
final class Frames {

    static final int DEFAULT_NEON = 0xff2bd6;
    static final int DEFAULT_GOLD = 0xd4af37;

    private Frames() {}

    /**
     * Builds the plate for a {@code w×h} output. When the photo must be shown whole (studio-white, or any
     * recipe with a background colour) the window shrinks to the photo's own aspect: padding, not cropping.
     */
    static FramePlate plate(RenderRecipe r, int w, int h, double photoAspect) {
        Rectangle window = window(r.frame(), w, h);
        boolean showWhole = r.frame() == FrameStyle.STUDIO_WHITE || r.background() != null;
        Rectangle photo = showWhole ? fit(window, photoAspect) : window;
        return new FramePlate(r, w, h, window, photo);
    }

    /** The opening of the frame, in output pixels; sizes are fractions of the short side so they scale. */
    static Rectangle window(FrameStyle style, int w, int h) {
        int u = Math.min(w, h);
        return switch (style) {
            case NONE, NEON -> new Rectangle(0, 0, w, h);
            case THIN_WHITE -> inset(w, h, px(u, 0.025), px(u, 0.025), px(u, 0.025), px(u, 0.025));
            case GOLD -> inset(w, h, px(u, 0.06), px(u, 0.06), px(u, 0.06), px(u, 0.06));
            // instant-film proportions: narrow sides and top, deep bottom for the caption strip
            case POLAROID -> inset(w, h, px(u, 0.06), px(u, 0.06), px(u, 0.06), px(u, 0.22));
            // sprocket rows run along the long edges, like a strip of 35 mm film
            case FILM ->
                w >= h
                        ? inset(w, h, px(u, 0.03), px(u, 0.03), px(u, 0.12), px(u, 0.12))
                        : inset(w, h, px(u, 0.12), px(u, 0.12), px(u, 0.03), px(u, 0.03));
            case STUDIO_WHITE -> inset(w, h, px(u, 0.10), px(u, 0.10), px(u, 0.10), px(u, 0.10));
        };
    }

    /** Largest rectangle of {@code aspect} centred in {@code area}. */
    static Rectangle fit(Rectangle area, double aspect) {
        int fw = area.width;
        int fh = (int) Math.round(fw / aspect);
        if (fh > area.height) {
            fh = area.height;
            fw = (int) Math.round(fh * aspect);
        }
        fw = Math.max(1, fw);
        fh = Math.max(1, fh);
        return new Rectangle(area.x + (area.width - fw) / 2, area.y + (area.height - fh) / 2, fw, fh);
    }

    private static Rectangle inset(int w, int h, int left, int right, int top, int bottom) {
        return new Rectangle(left, top, Math.max(1, w - left - right), Math.max(1, h - top - bottom));
    }

    private static int px(int u, double fraction) {
        return Math.max(1, (int) Math.round(u * fraction));
    }
}
