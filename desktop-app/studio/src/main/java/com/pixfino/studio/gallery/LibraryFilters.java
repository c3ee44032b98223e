package com.pixfino.studio.gallery;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.LibraryQuery;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/** The search field (searches as you type, after a short pause) and the filters above the grid. */
final class LibraryFilters extends FlowPane {

    LibraryFilters(LibraryViewModel viewModel, Messages messages) {
        super(8, 8);
        getStyleClass().add("library-filters");
        TextField search = new TextField();
        search.setId("gallery-search");
        search.setPromptText(messages.get("gallery.search.prompt"));
        search.setTooltip(new Tooltip(messages.get("gallery.search.tip")));
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        search.setOnAction(event -> viewModel.searchNow());

        String anyStyle = messages.get("gallery.filter.anyStyle");
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("gallery-filter-preset");
        preset.getItems().add(anyStyle);
        viewModel.presetNames().addListener((ListChangeListener<String>) change -> {
            String chosen = preset.getValue();
            preset.getItems().setAll(anyStyle);
            preset.getItems().addAll(viewModel.presetNames());
            preset.setValue(chosen == null || !preset.getItems().contains(chosen) ? anyStyle : chosen);
        });
        preset.setValue(anyStyle);
        preset.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.setPresetName(now.equals(anyStyle) ? null : now);
            }
        });

        ComboBox<MediaKind> kind = new ComboBox<>();
        kind.setId("gallery-filter-kind");
        kind.getItems().addAll((MediaKind) null, MediaKind.IMAGE, MediaKind.VIDEO);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(MediaKind value) {
                return messages.get(
                        value == null
                                ? "gallery.filter.anyKind"
                                : value == MediaKind.VIDEO ? "gallery.filter.videos" : "gallery.filter.images");
            }

            @Override
            public MediaKind fromString(String text) {
                return null;
            }
        });
        kind.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MediaKind value, boolean empty) {
                super.updateItem(value, empty);
                setText(kind.getConverter().toString(value));
            }
        });
        kind.valueProperty().addListener((obs, was, now) -> viewModel.setKind(now));

        ComboBox<AspectRatio> format = new ComboBox<>();
        format.setId("gallery-filter-format");
        format.setAccessibleText(messages.get("gallery.filter.format"));
        format.setTooltip(new Tooltip(messages.get("gallery.filter.format")));
        format.getItems().add(null);
        format.getItems().addAll(AspectRatio.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(AspectRatio value) {
                return value == null
                        ? messages.get("gallery.filter.anyFormat")
                        : messages.get(
                                "gallery.filter.formatOf", value.label(), messages.get("format.use." + value.name()));
            }

            @Override
            public AspectRatio fromString(String text) {
                return null;
            }
        });
        format.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(AspectRatio value, boolean empty) {
                super.updateItem(value, empty);
                setText(format.getConverter().toString(value));
            }
        });
        format.setValue(null);
        format.valueProperty()
                .addListener((obs, was, now) -> viewModel.setAspectRatio(now == null ? null : now.label()));

        // one group of takes is shown (a tile's "1 of 4" was clicked): say so, and the way back
        Button group = new Button(messages.get("gallery.group.showAll"));
        group.setId("gallery-group-clear");
        group.getStyleClass().add("accent");
        group.setTooltip(new Tooltip(messages.get("gallery.group.showAll.tip")));
        group.setOnAction(event -> viewModel.showGroup(null));
        group.visibleProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> viewModel.queryProperty().get().groupId() != null, viewModel.queryProperty()));
        group.managedProperty().bind(group.visibleProperty());

        DatePicker from = new DatePicker();
        from.setId("gallery-filter-from");
        from.setPromptText(messages.get("gallery.filter.from"));
        from.setPrefWidth(140);
        DatePicker to = new DatePicker();
        to.setId("gallery-filter-to");
        to.setPromptText(messages.get("gallery.filter.to"));
        to.setPrefWidth(140);
        from.valueProperty().addListener(obs -> viewModel.setDates(from.getValue(), to.getValue()));
        to.valueProperty().addListener(obs -> viewModel.setDates(from.getValue(), to.getValue()));

        String anyTag = messages.get("gallery.filter.anyTag");
        ComboBox<String> tag = new ComboBox<>();
        tag.setId("gallery-filter-tag");
        tag.getItems().add(anyTag);
        viewModel.tags().addListener((ListChangeListener<String>) change -> {
            String chosen = tag.getValue();
            tag.getItems().setAll(anyTag);
            tag.getItems().addAll(viewModel.tags());
            tag.setValue(chosen == null || !tag.getItems().contains(chosen) ? anyTag : chosen);
        });
        tag.setValue(anyTag);
        tag.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.setTag(now.equals(anyTag) ? null : now);
            }
        });

        ComboBox<LibraryQuery.Sort> sort = new ComboBox<>();
        sort.setId("gallery-sort");
        sort.getItems().addAll(LibraryQuery.Sort.values());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(LibraryQuery.Sort value) {
                return value == null
                        ? ""
                        : messages.get(
                                value == LibraryQuery.Sort.NEWEST ? "gallery.sort.newest" : "gallery.sort.oldest");
            }

            @Override
            public LibraryQuery.Sort fromString(String text) {
                return null;
            }
        });
        sort.setValue(LibraryQuery.Sort.NEWEST);
        sort.valueProperty().addListener((obs, was, now) -> viewModel.setSort(now));

        Label dates = new Label(messages.get("gallery.filter.dates"));
        dates.getStyleClass().add("filter-label");
        getChildren().addAll(search, preset, kind, format, tag, dates, from, to, sort, group);
    }
}
