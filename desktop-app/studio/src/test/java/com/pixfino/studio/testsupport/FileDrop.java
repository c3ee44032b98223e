package com.pixfino.studio.testsupport;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drops a file on a node as the desktop would. A drag from outside the app cannot be made with the robot,
 * so this builds the dragboard the toolkit would hand over and fires the same events at the node.
 * Call on the FX thread.
 */
public final class FileDrop {

    private FileDrop() {}

    public static void drop(Node target, Path file) {
        Dragboard board = dragboardWith(List.of(file.toFile()));
        Bounds bounds = target.localToScreen(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        Event.fireEvent(
                target, new DragEvent(DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY, null, target, null));
        Event.fireEvent(
                target,
                new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, x, y, TransferMode.COPY, null, target, null));
    }

    private static Dragboard dragboardWith(List<File> files) {
        try {
            Class<?> peerType = Class.forName("com.sun.javafx.tk.TKClipboard");
            Object peer = Proxy.newProxyInstance(
                    FileDrop.class.getClassLoader(),
                    new Class<?>[] {peerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getContentTypes" -> Set.of(DataFormat.FILES);
                        case "hasContent" -> DataFormat.FILES.equals(args[0]);
                        case "getContent" -> DataFormat.FILES.equals(args[0]) ? files : null;
                        case "getTransferModes" -> Set.of(TransferMode.COPY);
                        case "putContent" -> false;
                        case "getDragViewOffsetX", "getDragViewOffsetY" -> 0.0;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            Method create = Dragboard.class.getDeclaredMethod("createDragboard", peerType);
            create.setAccessible(true);
            return (Dragboard) create.invoke(null, peer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This JavaFX version builds dragboards differently: " + e, e);
        }
    }
}
