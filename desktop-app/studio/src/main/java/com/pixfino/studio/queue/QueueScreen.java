package com.pixfino.studio.queue;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.ui.Icon;
import com.pixfino.studio.ui.Icons;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** The queue screen in the navigation: Ctrl+2, with the count of jobs still running beside its name. */
public final class QueueScreen implements ScreenDescriptor {

    private final QueueViewModel viewModel;
    private final Messages messages;

    public QueueScreen(QueueViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "queue";
    }

    @Override
    public Icon icon() {
        return Icons.QUEUE;
    }

    @Override
    public String titleKey() {
        return "nav.queue";
    }

    @Override
    public KeyCombination shortcut() {
        return DigitShortcut.of(2);
    }

    @Override
    public Optional<ObservableValue<Number>> badge() {
        return Optional.of(viewModel.activeCountProperty());
    }

    @Override
    public Node createView() {
        return new QueueView(viewModel, messages);
    }
}
