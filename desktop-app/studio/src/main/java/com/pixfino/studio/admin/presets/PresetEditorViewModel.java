package com.pixfino.studio.admin.presets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.core.admin.AdminPresetsApi;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preset editor: every field of a preset, checked as it is typed in the product's words, the margin as credits
 * and API cost change, the server's refusals beside the field they name, and a thumbnail uploaded with the save.
 * UI thread only: the server is reached through the TaskExecutor.
 */
public final class PresetEditorViewModel {

    static final int MAX_NAME = 200;
    static final int MAX_PROMPT_TEMPLATE = 2000;
    static final int MAX_NEGATIVE_PROMPT = 1000;
    private static final BigDecimal MAX_API_COST = new BigDecimal("1000");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final ObjectMapper JSON = CompanionJson.mapper();

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Function<CompanionApi, AdminPresetsApi> apis;
    private final Consumer<AdminPresetView> saved;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyObjectWrapper<AdminPresetView> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty slug = new SimpleStringProperty(this, "slug", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<PresetCategory> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<MediaKind> kind = new SimpleObjectProperty<>(this, "kind", MediaKind.IMAGE);
    private final StringProperty provider = new SimpleStringProperty(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final StringProperty credits = new SimpleStringProperty(this, "credits", "");
    private final StringProperty apiCost = new SimpleStringProperty(this, "apiCost", "");
    private final BooleanProperty featured = new SimpleBooleanProperty(this, "featured");
    private final BooleanProperty pro = new SimpleBooleanProperty(this, "pro");
    private final StringProperty promptTemplate = new SimpleStringProperty(this, "promptTemplate", "");
    private final StringProperty negativePrompt = new SimpleStringProperty(this, "negativePrompt", "");
    private final Map<AspectRatio, BooleanProperty> ratios = new EnumMap<>(AspectRatio.class);
    private final ObservableList<String> pickedRatios = FXCollections.observableArrayList();
    private final StringProperty defaultRatio = new SimpleStringProperty(this, "defaultRatio");
    private final StringProperty sortOrder = new SimpleStringProperty(this, "sortOrder", "0");
    private final StringProperty recipe = new SimpleStringProperty(this, "recipe", "");
    private final ReadOnlyObjectWrapper<Path> thumbnail = new ReadOnlyObjectWrapper<>(this, "thumbnail");

    private final Map<PresetField, ReadOnlyStringWrapper> errors = new EnumMap<>(PresetField.class);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper margin = new ReadOnlyStringWrapper(this, "margin", "");
    private final ReadOnlyBooleanWrapper marginNegative = new ReadOnlyBooleanWrapper(this, "marginNegative");
    private final ObjectProperty<BigDecimal> creditValue =
            new SimpleObjectProperty<>(this, "creditValue", PresetMargin.DEFAULT_CREDIT_VALUE);
    private final ObservableList<String> providers = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ActivityStatus status = new ActivityStatus();
    private SortedMap<String, SortedSet<String>> knownModels = new TreeMap<>();
    private boolean loading;

    public PresetEditorViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, AdminPresetsApi> apis,
            Consumer<AdminPresetView> saved) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.apis = apis;
        this.saved = saved;
        for (PresetField field : PresetField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(this, field.wire() + "Error", ""));
        }
        for (AspectRatio ratio : AspectRatio.values()) {
            BooleanProperty picked = new SimpleBooleanProperty(this, "ratio" + ratio.label());
            picked.addListener(obs -> ratiosChanged());
            ratios.put(ratio, picked);
        }
        watch(PresetField.SLUG, slug);
        watch(PresetField.NAME, name);
        watch(PresetField.CATEGORY, category);
        watch(PresetField.KIND, kind);
        watch(PresetField.MODEL, model);
        watch(PresetField.DURATION, duration, kind);
        watch(PresetField.CREDITS, credits);
        watch(PresetField.API_COST, apiCost);
        watch(PresetField.PROMPT_TEMPLATE, promptTemplate);
        watch(PresetField.NEGATIVE_PROMPT, negativePrompt);
        watch(PresetField.DEFAULT_ASPECT_RATIO, defaultRatio);
        watch(PresetField.SORT_ORDER, sortOrder);
        watch(PresetField.RECIPE, recipe);
        provider.addListener((obs, was, now) -> {
            models.setAll(now == null ? List.of() : knownModels.getOrDefault(now, new java.util.TreeSet<>()));
            if (!loading && now != null && !models.contains(model.get())) {
                model.set(models.isEmpty() ? null : models.get(0));
            }
            check(PresetField.PROVIDER);
        });
        credits.addListener(obs -> updateMargin());
        apiCost.addListener(obs -> updateMargin());
        creditValue.addListener(obs -> updateMargin());
    }

    // a field is checked again whenever it (or what it depends on) changes, which also clears a server refusal
    private void watch(PresetField field, Observable... sources) {
        for (Observable source : sources) {
            source.addListener(obs -> {
                if (!loading) {
                    check(field);
                }
            });
        }
    }

    /** The providers and models the server knows: those its presets run on. */
    void knownModels(SortedMap<String, SortedSet<String>> known) {
        knownModels = known;
        providers.setAll(known.keySet());
    }

    /** An empty form for a new preset. */
    public void openNew() {
        loading = true;
        editing.set(null);
        slug.set("");
        name.set("");
        category.set(PresetCategory.PORTRAIT);
        kind.set(MediaKind.IMAGE);
        provider.set(providers.isEmpty() ? null : providers.get(0));
        model.set(models.isEmpty() ? null : models.get(0));
        duration.set("");
        credits.set("");
        apiCost.set("");
        featured.set(false);
        pro.set(false);
        promptTemplate.set("");
        negativePrompt.set("");
        ratios.forEach((ratio, picked) -> picked.set(true));
        defaultRatio.set(AspectRatio.SQUARE.label());
        sortOrder.set("0");
        recipe.set("");
        opened();
    }

    /** The form filled with {@code preset}'s fields. */
    public void openEdit(AdminPresetView preset) {
        loading = true;
        editing.set(preset);
        slug.set(preset.slug());
        name.set(preset.name());
        category.set(preset.category());
        kind.set(preset.kind());
        provider.set(preset.provider());
        model.set(preset.model());
        duration.set(
                preset.durationSeconds() == null ? "" : preset.durationSeconds().toString());
        credits.set(Integer.toString(preset.credits()));
        apiCost.set(preset.apiCostUsd() == null ? "" : plain(preset.apiCostUsd()));
        featured.set(preset.featured());
        pro.set(preset.pro());
        promptTemplate.set(nullToEmpty(preset.promptTemplate()));
        negativePrompt.set(nullToEmpty(preset.negativePrompt()));
        List<String> chosen = preset.aspectRatios() == null ? List.of() : preset.aspectRatios();
        ratios.forEach((ratio, picked) -> picked.set(chosen.contains(ratio.label())));
        defaultRatio.set(preset.defaultAspectRatio());
        sortOrder.set(Integer.toString(preset.sortOrder()));
        recipe.set(recipeText(preset.recipe()));
        opened();
    }

    private void opened() {
        loading = false;
        ratiosChanged();
        thumbnail.set(null);
        errors.values().forEach(error -> error.set(""));
        formError.set("");
        status.clear();
        updateMargin();
        open.set(true);
    }

    /** Escape and Cancel: the form closes and nothing is sent. */
    public void cancel() {
        if (status.isBusy()) {
            return;
        }
        open.set(false);
        thumbnail.set(null);
    }

    /** A picked image for the preset's thumbnail: JPEG, PNG or WebP; uploaded when the preset is saved. */
    public void chooseThumbnail(Path image) {
        if (image == null) {
            return;
        }
        if (contentType(image).isEmpty()) {
            errors.get(PresetField.THUMBNAIL).set(messages.get(PresetField.THUMBNAIL.key("error")));
            return;
        }
        errors.get(PresetField.THUMBNAIL).set("");
        thumbnail.set(image);
    }

    /** Ctrl+S and Save: checks every field, then creates or replaces the preset and uploads a picked thumbnail. */
    public void save() {
        if (!open.get() || status.isBusy()) {
            return;
        }
        boolean ok = true;
        for (PresetField field : PresetField.values()) {
            if (field != PresetField.THUMBNAIL) {
                ok &= check(field);
            }
        }
        if (!ok) {
            formError.set(messages.get("admin.presets.checkFields"));
            return;
        }
        if (!session.isSignedIn() || !session.isOnline()) {
            formError.set(messages.get("admin.presets.offline"));
            return;
        }
        AdminPresetRequest request = request();
        AdminPresetsApi api = apis.apply(session.api());
        AdminPresetView before = editing.get();
        Path image = thumbnail.get();
        formError.set("");
        status.working(messages.get("admin.presets.saving"));
        tasks.run(
                () -> {
                    AdminPresetView stored = before == null ? api.create(request) : api.update(before.id(), request);
                    if (image == null) {
                        return new Saved(stored, null);
                    }
                    try {
                        return new Saved(
                                api.uploadThumbnail(
                                        stored.id(), image, contentType(image).orElseThrow()),
                                null);
                    } catch (IOException e) {
                        return new Saved(stored, e);
                    }
                },
                done -> {
                    sessions.callSucceeded();
                    saved.accept(done.preset());
                    if (done.thumbnailError() == null) {
                        status.done("");
                        open.set(false);
                        thumbnail.set(null);
                    } else {
                        // the preset is stored: the form goes on editing it, with what the upload met beside the picker
                        editing.set(done.preset());
                        status.failed("");
                        errors.get(PresetField.THUMBNAIL)
                                .set(messages.get(
                                        "admin.presets.thumbnailFailed", failures.describe(done.thumbnailError())));
                    }
                },
                this::refused);
    }

    private record Saved(AdminPresetView preset, Exception thumbnailError) {}

    private void refused(Exception error) {
        sessions.callFailed(error);
        status.failed("");
        if (error instanceof CompanionApiException api && (api.statusCode() == 400 || api.statusCode() == 409)) {
            Optional<PresetField> field = PresetField.ofErrorCode(api.code());
            if (field.isPresent()) {
                String words = "slug_taken".equals(api.code())
                        ? messages.get("admin.presets.error.slugTaken", slug.get())
                        : api.getMessage();
                errors.get(field.get()).set(words);
                formError.set(messages.get("admin.presets.refused"));
                return;
            }
        }
        formError.set(messages.get("admin.presets.saveFailed", failures.describe(error)));
    }

    /** Checks one field; its inline error says what to change. */
    private boolean check(PresetField field) {
        String problem = problem(field);
        errors.get(field).set(problem == null ? "" : messages.get(field.key("error")));
        return problem == null;
    }

    // null when the field is fine; otherwise anything (the words come from the bundle)
    private String problem(PresetField field) {
        return switch (field) {
            case SLUG ->
                text(slug).matches("[a-z0-9]+(-[a-z0-9]+)*") && text(slug).length() <= 100 ? null : "slug";
            case NAME ->
                !text(name).isEmpty()
                                && text(name).length() <= MAX_NAME
                                && !text(name).contains("\n")
                        ? null
                        : "name";
            case CATEGORY -> category.get() != null ? null : "category";
            case KIND -> kind.get() != null ? null : "kind";
            case PROVIDER -> provider.get() != null && !provider.get().isBlank() ? null : "provider";
            case MODEL -> model.get() != null && !model.get().isBlank() ? null : "model";
            case DURATION -> kind.get() != MediaKind.VIDEO || between(whole(duration), 3, 20) ? null : "duration";
            case CREDITS -> between(whole(credits), 1, 500) ? null : "credits";
            case API_COST -> usd(apiCost.get()).isPresent() ? null : "apiCost";
            case PROMPT_TEMPLATE ->
                !text(promptTemplate).isEmpty() && promptTemplate.get().length() <= MAX_PROMPT_TEMPLATE
                        ? null
                        : "promptTemplate";
            case NEGATIVE_PROMPT ->
                nullToEmpty(negativePrompt.get()).length() <= MAX_NEGATIVE_PROMPT ? null : "negativePrompt";
            case ASPECT_RATIOS -> !pickedRatios.isEmpty() ? null : "ratios";
            case DEFAULT_ASPECT_RATIO ->
                pickedRatios.isEmpty() || pickedRatios.contains(defaultRatio.get()) ? null : "defaultRatio";
            case SORT_ORDER -> whole(sortOrder).isPresent() ? null : "sortOrder";
            case RECIPE -> recipeMap().isPresent() ? null : "recipe";
            case THUMBNAIL -> null; // a file of another type is never taken (chooseThumbnail)
        };
    }

    private void ratiosChanged() {
        List<String> picked = new ArrayList<>();
        ratios.forEach((ratio, chosen) -> {
            if (chosen.get()) {
                picked.add(ratio.label());
            }
        });
        pickedRatios.setAll(picked);
        if (!picked.isEmpty() && !picked.contains(defaultRatio.get())) {
            defaultRatio.set(picked.get(0));
        }
        if (!loading) {
            check(PresetField.ASPECT_RATIOS);
            check(PresetField.DEFAULT_ASPECT_RATIO);
        }
    }

    private void updateMargin() {
        Optional<Integer> whole = whole(credits);
        Optional<BigDecimal> cost = usd(apiCost.get());
        if (whole.isEmpty() || cost.isEmpty()) {
            margin.set(messages.get("admin.presets.marginUnknown"));
            marginNegative.set(false);
            return;
        }
        PresetMargin m = PresetMargin.of(whole.get(), cost.get(), creditValue.get());
        margin.set(messages.get(
                "admin.presets.marginLive",
                PresetsViewModel.money(m.usd()),
                PresetsViewModel.percent(m.percent().toPlainString()),
                whole.get(),
                PresetsViewModel.money(creditValue.get())));
        marginNegative.set(m.negative());
    }

    AdminPresetRequest request() {
        boolean video = kind.get() == MediaKind.VIDEO;
        return new AdminPresetRequest(
                text(slug),
                text(name),
                category.get(),
                kind.get(),
                provider.get(),
                model.get(),
                video ? whole(duration).orElseThrow() : null,
                whole(credits).orElseThrow(),
                usd(apiCost.get()).orElseThrow().toPlainString(),
                featured.get(),
                pro.get(),
                promptTemplate.get(),
                nullToEmpty(negativePrompt.get()),
                recipeMap().orElseThrow(),
                List.copyOf(pickedRatios),
                defaultRatio.get(),
                whole(sortOrder).orElseThrow(),
                null);
    }

    private Optional<Map<String, Object>> recipeMap() {
        String text = text(recipe);
        if (text.isEmpty()) {
            return Optional.of(new LinkedHashMap<>());
        }
        try {
            Map<String, Object> map = JSON.readValue(text, OBJECT);
            return Optional.ofNullable(map);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String recipeText(Map<String, Object> recipe) {
        if (recipe == null || recipe.isEmpty()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /** An amount in US dollars: 0 to 1000 with at most four decimals ("0.04", "$0.04"). */
    static Optional<BigDecimal> usd(String text) {
        String plain = text == null ? "" : text.strip().replace("$", "").strip();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(plain);
            if (value.signum() < 0
                    || value.compareTo(MAX_API_COST) > 0
                    || value.stripTrailingZeros().scale() > 4) {
                return Optional.empty();
            }
            return Optional.of(value.setScale(4, java.math.RoundingMode.UNNECESSARY));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> whole(StringProperty property) {
        String text = property.get() == null ? "" : property.get().strip();
        if (!text.matches("-?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    private static boolean between(Optional<Integer> value, int min, int max) {
        return value.isPresent() && value.get() >= min && value.get() <= max;
    }

    /** The content type the thumbnail route takes for this file name, if it is one. */
    static Optional<String> contentType(Path image) {
        String fileName = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".jpg") || fileName.endsWith(".jpeg")) {
            return Optional.of("image/jpeg");
        }
        if (fileName.endsWith(".png")) {
            return Optional.of("image/png");
        }
        if (fileName.endsWith(".webp")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static String plain(String decimal) {
        try {
            BigDecimal value = new BigDecimal(decimal).stripTrailingZeros();
            return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
        } catch (NumberFormatException e) {
            return decimal;
        }
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public ReadOnlyStringProperty errorProperty(PresetField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public BooleanProperty ratioProperty(AspectRatio ratio) {
        return ratios.get(ratio);
    }

    public ObservableList<String> pickedRatios() {
        return pickedRatios;
    }

    public ObservableList<String> providers() {
        return providers;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return open.get();
    }

    /** The preset being edited; null for a new one. */
    public ReadOnlyObjectProperty<AdminPresetView> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty slugProperty() {
        return slug;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<PresetCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<MediaKind> kindProperty() {
        return kind;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty creditsProperty() {
        return credits;
    }

    public StringProperty apiCostProperty() {
        return apiCost;
    }

    public BooleanProperty featuredProperty() {
        return featured;
    }

    public BooleanProperty proProperty() {
        return pro;
    }

    public StringProperty promptTemplateProperty() {
        return promptTemplate;
    }

    public StringProperty negativePromptProperty() {
        return negativePrompt;
    }

    public StringProperty defaultRatioProperty() {
        return defaultRatio;
    }

    public StringProperty sortOrderProperty() {
        return sortOrder;
    }

    public StringProperty recipeProperty() {
        return recipe;
    }

    public ReadOnlyObjectProperty<Path> thumbnailProperty() {
        return thumbnail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** "$0.86 · 79.6 % of 4 credits × $0.27", live as credits and API cost change. */
    public ReadOnlyStringProperty marginProperty() {
        return margin.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty marginNegativeProperty() {
        return marginNegative.getReadOnlyProperty();
    }

    /** The credit value the margin uses: the server's, once a list told it. */
    public ObjectProperty<BigDecimal> creditValueProperty() {
        return creditValue;
    }

    public ActivityStatus status() {
        return status;
    }
}
