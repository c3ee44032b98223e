package com.pixfino.studio.queue;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** The queue screen in the navigation: Ctrl+2, with the count of jobs still running or waiting beside its name. */
public final class QueueScreen extends FeatureScreen {

    private final QueueViewModel viewModel;

    private final WaitingGenerations waiting;

    public QueueScreen(QueueViewModel viewModel, WaitingGenerations waiting, Messages messages) {
        super(
                "queue",
                Icons.QUEUE,
                "nav.queue",
                DigitShortcut.of(2),
                () -> new QueueView(viewModel, waiting, messages));
        this.viewModel = viewModel;
        this.waiting = waiting;
    }

    @Override
    public Optional<ObservableValue<Number>> badge() {
        return Optional.of(viewModel.activeCountProperty().add(waiting.waitingCountProperty()));
    }
}
