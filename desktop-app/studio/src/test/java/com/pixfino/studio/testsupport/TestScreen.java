package com.pixfino.studio.testsupport;

import com.pixfino.model.Role;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.ui.Icon;
import com.pixfino.studio.ui.Icons;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;

/** A screen registered by a test: a label as its view unless given one, reached with Ctrl+{@code digit}. */
public record TestScreen(
        String id,
        KeyCombination shortcut,
        Predicate<UserView> visibility,
        Optional<ObservableValue<Number>> badge,
        boolean opensOffline,
        Supplier<Node> view)
        implements ScreenDescriptor {

    public static TestScreen of(String id, int digit) {
        return new TestScreen(id, DigitShortcut.of(digit), account -> true, Optional.empty(), false, () -> {
            Label label = new Label(id);
            label.setId(id + "-view");
            return label;
        });
    }

    /** Seen only by administrators, as the admin mode will be. */
    public TestScreen adminOnly() {
        return new TestScreen(id, shortcut, account -> account.role() == Role.ADMIN, badge, opensOffline, view);
    }

    public TestScreen withBadge(ObservableValue<Number> count) {
        return new TestScreen(id, shortcut, visibility, Optional.of(count), opensOffline, view);
    }

    public TestScreen openingOffline() {
        return new TestScreen(id, shortcut, visibility, badge, true, view);
    }

    public TestScreen withView(Supplier<Node> factory) {
        return new TestScreen(id, shortcut, visibility, badge, opensOffline, factory);
    }

    @Override
    public Icon icon() {
        return Icons.STAR;
    }

    /** {@code nav.<id>}: tests give their screens names through {@link TestMessages}. */
    @Override
    public String titleKey() {
        return "nav." + id;
    }

    @Override
    public boolean isVisibleTo(UserView account) {
        return visibility.test(account);
    }

    @Override
    public Node createView() {
        return view.get();
    }
}
