package com.pixfino.studio.gallery;

import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Finds the gallery tile showing a result (tiles carry the result's id as a property, not as a CSS id). */
final class Tiles {

    private Tiles() {}

    static Optional<Node> find(FxRobot robot, UUID id) {
        return robot.lookup(".library-tile")
                .match((Node node) ->
                        node.isVisible() && id.equals(node.getProperties().get(LibraryTile.ITEM_ID)))
                .tryQuery();
    }

    static Node tile(FxRobot robot, UUID id) {
        return find(robot, id).orElseThrow(() -> new AssertionError("no tile shows " + id));
    }
}
