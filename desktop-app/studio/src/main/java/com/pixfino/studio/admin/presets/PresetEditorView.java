package com.pixfino.studio.admin.presets;

import atlantafx.base.theme.Styles;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The preset editor beside the table: every field with its inline error, the live margin and the thumbnail picker. */
final class PresetEditorView extends VBox {

    private static final double PREVIEW = 96;

    private final PresetEditorViewModel viewModel;
    private final Messages messages;
    private final VBox form = new VBox(4);

    PresetEditorView(PresetEditorViewModel viewModel, Messages messages) {
        super(8);
        this.viewModel = viewModel;
        this.messages = messages;
        setId("preset-editor");
        getStyleClass().add("preset-editor");
        setMinWidth(400);
        setPrefWidth(430);
        setMaxWidth(460);
        visibleProperty().bind(viewModel.openProperty());
        managedProperty().bind(visibleProperty());

        Label heading = new Label();
        heading.setId("preset-editor-title");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.editingProperty().get() == null
                                ? messages.get("admin.presets.editor.new")
                                : messages.get(
                                        "admin.presets.editor.edit",
                                        viewModel.editingProperty().get().name()),
                        viewModel.editingProperty()));

        buildForm();
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("preset-editor-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("preset-editor-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label formError = Texts.statusLine("preset-form-error", viewModel.formErrorProperty(), "tone-error");
        Label saving = Texts.statusLine("preset-saving", viewModel.status().messageProperty(), "tone-info");
        Button save = new Button(messages.get("admin.presets.save"));
        save.setId("preset-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(viewModel.status().busyProperty());
        save.setOnAction(event -> viewModel.save());
        Button cancel = new Button(messages.get("admin.presets.cancel"));
        cancel.setId("preset-cancel");
        cancel.setOnAction(event -> viewModel.cancel());
        Label keys = new Label(messages.get("admin.presets.keys"));
        keys.getStyleClass().add("card-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, keys, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(heading, scroll, formError, saving, buttons);
        viewModel.openProperty().addListener((obs, was, open) -> {
            if (open) {
                scroll.setVvalue(0);
                form.lookup("#preset-name").requestFocus();
            }
        });
    }

    private void buildForm() {
        TextField name = text("preset-name", viewModel.nameProperty());
        field(PresetField.NAME, name);
        TextField slug = text("preset-slug", viewModel.slugProperty());
        slug.setPromptText("snow-princess");
        field(PresetField.SLUG, slug);

        ComboBox<PresetCategory> category = new ComboBox<>();
        category.setId("preset-category");
        category.getItems().setAll(PresetCategory.values());
        category.setConverter(PresetsView.named(PresetCategory::label));
        category.valueProperty().bindBidirectional(viewModel.categoryProperty());
        ComboBox<MediaKind> kind = new ComboBox<>();
        kind.setId("preset-kind");
        kind.getItems().setAll(MediaKind.values());
        kind.setConverter(PresetsView.named(
                k -> messages.get("admin.presets.kind." + k.name().toLowerCase(Locale.ROOT))));
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        pair(PresetField.CATEGORY, category, PresetField.KIND, kind);

        ComboBox<String> provider = new ComboBox<>(viewModel.providers());
        provider.setId("preset-provider");
        provider.valueProperty().bindBidirectional(viewModel.providerProperty());
        ComboBox<String> model = new ComboBox<>(viewModel.models());
        model.setId("preset-model");
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        pair(PresetField.PROVIDER, provider, PresetField.MODEL, model);

        TextField credits = text("preset-credits", viewModel.creditsProperty());
        TextField cost = text("preset-api-cost", viewModel.apiCostProperty());
        cost.setPromptText("0.0400");
        TextField duration = text("preset-duration", viewModel.durationProperty());
        duration.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(MediaKind.VIDEO));
        duration.setPromptText(messages.get("admin.presets.durationPrompt"));
        triple(PresetField.CREDITS, credits, PresetField.API_COST, cost, PresetField.DURATION, duration);

        Label margin = new Label();
        margin.setId("preset-margin");
        margin.getStyleClass().add("preset-margin");
        margin.textProperty().bind(viewModel.marginProperty());
        Texts.wrapping(margin);
        viewModel.marginNegativeProperty().addListener((obs, was, negative) -> marginTone(margin, negative));
        marginTone(margin, viewModel.marginNegativeProperty().get());
        form.getChildren().add(margin);

        CheckBox featured = new CheckBox(messages.get("admin.presets.field.featured"));
        featured.setId("preset-featured");
        featured.selectedProperty().bindBidirectional(viewModel.featuredProperty());
        CheckBox pro = new CheckBox(messages.get("admin.presets.field.pro"));
        pro.setId("preset-pro");
        pro.selectedProperty().bindBidirectional(viewModel.proProperty());
        HBox flags = new HBox(16, featured, pro);
        flags.getStyleClass().add("preset-editor-flags");
        form.getChildren().add(flags);

        TextArea template = area("preset-prompt-template", viewModel.promptTemplateProperty(), 4);
        field(PresetField.PROMPT_TEMPLATE, template);
        TextArea negative = area("preset-negative-prompt", viewModel.negativePromptProperty(), 2);
        field(PresetField.NEGATIVE_PROMPT, negative);

        FlowPane ratios = new FlowPane(10, 6);
        ratios.setId("preset-ratios");
        for (AspectRatio ratio : AspectRatio.values()) {
            CheckBox box = new CheckBox(ratio.label());
            box.setId("preset-ratio-" + ratio.label().replace(':', 'x'));
            box.selectedProperty().bindBidirectional(viewModel.ratioProperty(ratio));
            ratios.getChildren().add(box);
        }
        field(PresetField.ASPECT_RATIOS, ratios);
        ComboBox<String> defaultRatio = new ComboBox<>(viewModel.pickedRatios());
        defaultRatio.setId("preset-default-ratio");
        defaultRatio.valueProperty().bindBidirectional(viewModel.defaultRatioProperty());
        TextField sort = text("preset-sort-order", viewModel.sortOrderProperty());
        pair(PresetField.DEFAULT_ASPECT_RATIO, defaultRatio, PresetField.SORT_ORDER, sort);

        TextArea recipe = area("preset-recipe", viewModel.recipeProperty(), 3);
        recipe.getStyleClass().add("preset-recipe");
        recipe.setPromptText("{\"look\": \"warm\"}");
        field(PresetField.RECIPE, recipe);

        field(PresetField.THUMBNAIL, thumbnailPicker());
    }

    private HBox thumbnailPicker() {
        ImageView image = new ImageView();
        image.setId("preset-thumbnail-preview");
        image.setFitWidth(PREVIEW);
        image.setFitHeight(PREVIEW);
        image.setPreserveRatio(true);
        StackPane frame = new StackPane(Icons.IMAGE.create(32), image);
        frame.getStyleClass().add("preset-thumbnail-frame");
        frame.setMinSize(PREVIEW, PREVIEW);
        frame.setMaxSize(PREVIEW, PREVIEW);
        Label chosen = new Label();
        chosen.setId("preset-thumbnail-name");
        chosen.getStyleClass().add("card-detail");
        Texts.wrapping(chosen);
        viewModel.thumbnailProperty().addListener((obs, was, file) -> {
            // decoded off the FX thread by the image's own loader; a WebP file keeps the icon, its name says it is
            // chosen
            image.setImage(
                    file == null ? null : new Image(file.toUri().toString(), PREVIEW, PREVIEW, true, true, true));
            chosen.setText(
                    file == null
                            ? messages.get("admin.presets.thumbnailNone")
                            : messages.get("admin.presets.thumbnailChosen", file.getFileName()));
        });
        chosen.setText(messages.get("admin.presets.thumbnailNone"));
        Button choose = new Button(messages.get("admin.presets.thumbnailChoose"));
        choose.setId("preset-thumbnail-choose");
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("admin.presets.thumbnailChoose"));
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            messages.get("admin.presets.thumbnailTypes"), "*.jpg", "*.jpeg", "*.png", "*.webp"));
            java.io.File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.chooseThumbnail(Path.of(file.getPath()));
            }
        });
        VBox side = new VBox(6, chosen, choose);
        HBox row = new HBox(12, frame, side);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void marginTone(Label margin, boolean negative) {
        margin.getStyleClass().remove("margin-negative");
        if (negative) {
            margin.getStyleClass().add("margin-negative");
        }
    }

    private TextField text(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private TextArea area(String id, javafx.beans.property.StringProperty value, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.textProperty().bindBidirectional(value);
        return area;
    }

    private void field(PresetField field, Node control) {
        form.getChildren().add(labelled(field, control));
    }

    private void pair(PresetField first, Node a, PresetField second, Node b) {
        form.getChildren().add(row(labelled(first, a), labelled(second, b)));
    }

    private void triple(PresetField first, Node a, PresetField second, Node b, PresetField third, Node c) {
        form.getChildren().add(row(labelled(first, a), labelled(second, b), labelled(third, c)));
    }

    // fields side by side share the width equally, whatever their controls would like
    private static HBox row(VBox... fields) {
        HBox row = new HBox(10, fields);
        for (VBox field : fields) {
            field.setMinWidth(0);
            field.setPrefWidth(10);
            HBox.setHgrow(field, Priority.ALWAYS);
        }
        return row;
    }

    // the label above, the control, and the inline error below it (no room taken while there is none)
    private VBox labelled(PresetField field, Node control) {
        Label label = new Label(messages.get(field.key("field")));
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setMinWidth(60);
        }
        Label error = Texts.statusLine(
                "preset-" + field.wire() + "-error", viewModel.errorProperty(field), "field-error", "tone-error");
        error.setMaxWidth(Double.MAX_VALUE);
        if (control instanceof Control c) {
            viewModel
                    .errorProperty(field)
                    .addListener((obs, was, now) -> c.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        }
        VBox box = new VBox(3, label, control, error);
        box.getStyleClass().add("preset-field");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
