package com.pixfino.studio.batch;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.FeatureScreen;
import com.pixfino.studio.ui.Icons;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** The Batch screen in the navigation: Ctrl+5, with the items still to do beside its name. */
public final class BatchScreen extends FeatureScreen {

    private final BatchViewModel viewModel;

    public BatchScreen(BatchViewModel viewModel, Messages messages) {
        super("batch", Icons.BATCH, "nav.batch", DigitShortcut.of(5), () -> new BatchView(viewModel, messages));
        this.viewModel = viewModel;
    }

    @Override
    public Optional<ObservableValue<Number>> badge() {
        return Optional.of(viewModel.remainingProperty());
    }
}
