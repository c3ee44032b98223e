package com.pixfino.server.providers.local;

import com.pixfino.server.providers.local.RenderRecipe.Motion;
import java.awt.geom.Point2D;

/** The visible window over the graded base image at eased time 0..1, in base-relative units. */
final class CameraPath {

    /** Window whose width/height are {@code size} × the base's, centred at (centreX, centreY) in 0..1. */
    record Window(double size, double centreX, double centreY) {}

    private CameraPath() {}

    /**
     * @param face where the face is in the base (0..1), or null: zooms then end on the face held on the
     *             window's upper third, or on the centre when there is no face
     */
    static Window at(Motion motion, double t, double maxZoom, Point2D face) {
        double tight = 1 / maxZoom;
        // pans need room to travel, so they run at a mid zoom
        double panSize = (1 + tight) / 2;
        return switch (motion) {
            case ZOOM_IN -> onSubject(lerp(1, tight, t), face);
            case ZOOM_OUT -> onSubject(lerp(tight, 1, t), face);
            case PAN_LEFT -> clamped(panSize, lerp(1 - panSize / 2, panSize / 2, t), 0.5);
            case PAN_RIGHT -> clamped(panSize, lerp(panSize / 2, 1 - panSize / 2, t), 0.5);
            // slow push-in that drifts from lower left onto the subject, the classic documentary move
            case KEN_BURNS -> {
                double size = lerp(0.97, tight, t);
                Window end = onSubject(size, face);
                yield clamped(size, lerp(0.42, end.centreX(), t), lerp(0.60, end.centreY(), t));
            }
        };
    }

    private static Window onSubject(double size, Point2D face) {
        if (face == null) {
            return clamped(size, 0.5, 0.5);
        }
        // the window centre sits a sixth of its height below the face, which puts the face on its upper third
        return clamped(size, face.getX(), face.getY() + size / 6);
    }

    /** Keeps the window inside the base so no frame ever shows an empty edge. */
    private static Window clamped(double size, double cx, double cy) {
        double half = size / 2;
        return new Window(size, Math.max(half, Math.min(1 - half, cx)), Math.max(half, Math.min(1 - half, cy)));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
