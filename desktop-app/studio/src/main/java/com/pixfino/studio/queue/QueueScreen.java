package com.pixfino.studio.queue;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** The queue screen in the navigation: Ctrl+2, with the count of jobs still running beside its name. */
public final class QueueScreen extends FeatureScreen {

    private final QueueViewModel viewModel;

    public QueueScreen(QueueViewModel viewModel, Messages messages) {
        super("queue", Icons.QUEUE, "nav.queue", DigitShortcut.of(2), () -> new QueueView(viewModel, messages));
        this.viewModel = viewModel;
    }

    @Override
    public Optional<ObservableValue<Number>> badge() {
        return Optional.of(viewModel.activeCountProperty());
    }
}
