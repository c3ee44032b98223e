package com.pixfino.studio.queue;

import com.pixfino.model.api.GenerationView;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the queue; its view is replaced in place as the job moves on, so the row updates itself. */
public final class JobItem {

    private final UUID id;
    private final ReadOnlyObjectWrapper<GenerationView> view;

    JobItem(GenerationView initial) {
        this.id = initial.id();
        this.view = new ReadOnlyObjectWrapper<>(this, "view", initial);
    }

    public UUID id() {
        return id;
    }

    public GenerationView view() {
        return view.get();
    }

    void update(GenerationView next) {
        view.set(next);
    }

    public ReadOnlyObjectProperty<GenerationView> viewProperty() {
        return view.getReadOnlyProperty();
    }
}
