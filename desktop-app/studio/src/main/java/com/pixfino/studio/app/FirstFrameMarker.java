package com.pixfino.studio.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line on the first pulse after the window is shown, for bench/cold-start (launch to first frame).
 * Off unless {@code -Dpixfino.firstFrame=true} or {@code PIXFINO_FIRST_FRAME=true}.
 */
public final class FirstFrameMarker {

    public static final String PROPERTY = "pixfino.firstFrame";
    public static final String ENVIRONMENT = "PIXFINO_FIRST_FRAME";

    private static final Logger LOG = LoggerFactory.getLogger(FirstFrameMarker.class);

    private FirstFrameMarker() {}

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY) || "true".equalsIgnoreCase(System.getenv(ENVIRONMENT));
    }

    /** Call right after {@code stage.show()}. */
    public static void attach(Scene scene) {
        AtomicBoolean logged = new AtomicBoolean();
        // The pulse lays out and then renders the scene: its first one after show() draws the first frame.
        scene.addPostLayoutPulseListener(() -> {
            if (logged.compareAndSet(false, true)) {
                LOG.info(
                        "event=first_frame epoch_ms={} uptime_ms={}",
                        System.currentTimeMillis(),
                        ManagementFactory.getRuntimeMXBean().getUptime());
            }
        });
    }
}
