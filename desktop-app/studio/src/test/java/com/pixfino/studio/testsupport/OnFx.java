package com.pixfino.studio.testsupport;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads and waits on the JavaFX thread from a test, for view tests that build their own window. */
public final class OnFx {

    private OnFx() {}

    /**
     * Runs {@code onFx} on the JavaFX thread and answers its result (at most 10 s); on the JavaFX thread already (one
     * call inside another), runs it at once.
     */
    public static <T> T call(Callable<T> onFx) {
        try {
            if (Platform.isFxApplicationThread()) {
                return onFx.call();
            }
            return WaitForAsyncUtils.asyncFx(onFx).get(10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed: " + e, e);
        }
    }

    /** Waits up to 20 s for {@code condition}, checked on the JavaFX thread. */
    public static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> call(condition));
    }

    /** The text of the labelled node {@code query} finds, or "" when there is none. */
    public static String text(FxRobot robot, String query) {
        return call(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }
}
