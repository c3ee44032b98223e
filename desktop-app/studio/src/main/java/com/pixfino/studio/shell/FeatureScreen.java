package com.pixfino.studio.shell;

import com.pixfino.studio.ui.Icon;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** A screen as a feature package contributes it: a fixed entry in the navigation and the view it builds. */
public abstract class FeatureScreen implements ScreenDescriptor {

    private final String id;
    private final Icon icon;
    private final String titleKey;
    private final KeyCombination shortcut;
    private final Supplier<Node> view;

    protected FeatureScreen(String id, Icon icon, String titleKey, KeyCombination shortcut, Supplier<Node> view) {
        this.id = id;
        this.icon = icon;
        this.titleKey = titleKey;
        this.shortcut = shortcut;
        this.view = view;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Icon icon() {
        return icon;
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final KeyCombination shortcut() {
        return shortcut;
    }

    @Override
    public final Node createView() {
        return view.get();
    }
}
