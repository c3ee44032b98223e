package com.pixfino.studio.create;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.CreditPricing;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.styles.PromptExample;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.generate.GenerationSubmitter;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.generate.PhotoSource;
import com.pixfino.studio.core.generate.Takes;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoRejectedException;
import com.pixfino.studio.core.styles.RecentPrompts;
import com.pixfino.studio.core.styles.StyleLibrary;
import com.pixfino.studio.queue.WaitingGenerations;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The create screen: a checked photo, a preset, an optional prompt, the cost and balance after it, and
 * Generate. A Generate that fails on the network keeps its Idempotency-Key, so pressing it again cannot charge twice.
 * Offline, Generate keeps the request on this computer and the Queue sends it when the server is back; the credits
 * are checked against the last known balance less what the requests already waiting will cost.
 */
public final class CreateViewModel {

    /** What the screen offers when money stands in the way: nothing, "Buy credits", or "See plans" (PRO styles). */
    public enum Upsell {
        NONE,
        CREDITS,
        PLAN
    }

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final PhotoCheck photoCheck;
    private final PresetBrowserViewModel presets;
    private final WaitingGenerations waiting;
    private final Messages messages;
    private final FailureMessages failures;
    private final Consumer<UUID> queued;
    private final Runnable showPlans;

    private final ReadOnlyObjectWrapper<PhotoInfo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyBooleanWrapper checkingPhoto = new ReadOnlyBooleanWrapper(this, "checkingPhoto");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObjectProperty<AspectRatio> format = new SimpleObjectProperty<>(this, "format");
    private final IntegerProperty takes = new SimpleIntegerProperty(this, "takes", 1);
    private final BooleanProperty lockSeed = new SimpleBooleanProperty(this, "lockSeed");
    private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "");
    private final StringBinding seedError;
    private final SecureRandom dice = new SecureRandom();
    private final ActivityStatus activity = new ActivityStatus(); // busy: a generation is being queued
    private final StringBinding blocker;
    private final StringBinding hint;
    private final BooleanBinding canGenerate;
    // what the server refused the last Generate for (402 credits, 403 PRO), until the balance or plan changes
    private final ReadOnlyObjectWrapper<Upsell> refusal = new ReadOnlyObjectWrapper<>(this, "refusal", Upsell.NONE);
    private final ObjectBinding<Upsell> upsell;
    private final BooleanBinding balanceShort;
    private final GenerationSubmitter submitter = new GenerationSubmitter();
    private TaskHandle pendingCheck = TaskHandle.NONE;
    private String heldNotice; // "… is waiting for the connection", until it no longer is

    /**
     * {@code queued} hears the id of each generation the server accepted (the queue shows it); {@code showPlans} opens
     * "Plans & credits" when the user asks for more credits or a plan;
     * {@code styleLibrary} and {@code recentPrompts} keep the user's styles and recent prompts (issue 14).
     */
    public CreateViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            PhotoCheck photoCheck,
            PresetBrowserViewModel presets,
            WaitingGenerations waiting,
            Messages messages,
            Consumer<UUID> queued,
            Runnable showPlans,
            StyleLibrary styleLibrary,
            RecentPrompts recentPrompts) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.photoCheck = photoCheck;
        this.presets = presets;
        this.waiting = waiting;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.queued = queued;
        this.showPlans = showPlans;
        rollSeed();
        seedError = Bindings.createStringBinding(
                () -> lockSeed.get() && lockedSeed() == null ? messages.get("create.seed.invalid") : "",
                lockSeed,
                seedText);
        presets.selectedProperty().addListener((obs, was, now) -> format.set(defaultFormat(now)));
        presets.selectedProperty().addListener((obs, was, now) -> forgetPastStyle(now));
        format.set(defaultFormat(presets.selectedProperty().get()));
        blocker = Bindings.createStringBinding(
                this::whyNot,
                takes,
                seedError,
                photo,
                presets.selectedProperty(),
                session.creditsProperty(),
                waiting.waitingCreditsProperty(),
                session.onlineProperty(),
                session.userProperty(),
                session.signedInProperty(),
                activity.busyProperty(),
                checkingPhoto,
                pastPhoto);
        canGenerate = Bindings.createBooleanBinding(() -> blocker.get().isEmpty(), blocker);
        hint = Bindings.createStringBinding(
                this::hintNow,
                blocker,
                session.onlineProperty(),
                session.signedInProperty(),
                session.creditsProperty(),
                waiting.waitingCreditsProperty(),
                presets.selectedProperty());
        balanceShort = Bindings.createBooleanBinding(
                () -> presets.selectedProperty().get() != null
                        && CreditPricing.balanceAfter(available(), totalCost()) < 0,
                takes,
                presets.selectedProperty(),
                session.creditsProperty(),
                waiting.waitingCreditsProperty());
        upsell = Bindings.createObjectBinding(
                this::upsellNow,
                presets.selectedProperty(),
                session.creditsProperty(),
                session.userProperty(),
                refusal);
        session.creditsProperty().addListener((obs, was, now) -> refusal.set(Upsell.NONE));
        waiting.waitingCountProperty().addListener((obs, was, now) -> {
            if (now.intValue() < was.intValue()
                    && heldNotice != null
                    && heldNotice.equals(activity.messageProperty().get())) {
                activity.say(Tone.NONE, ""); // sent or canceled: the Queue tells which
                heldNotice = null;
            }
        });
        session.userProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || was.tier() != now.tier()) {
                refusal.set(Upsell.NONE);
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                reset();
            }
        });
        this.myStyles = new MyStyles(tasks, session, sessions, messages, styleLibrary);
        this.recentPrompts = recentPrompts;
        myStyles.onDeleted(this::forgetDeletedStyle);
        presets.selectedProperty().addListener((obs, was, now) -> forgetChosenStyle(now));
        loadRecentPrompts();
    }

    /** Checks a dropped or picked photo in the background; a refused one is explained and not kept. */
    public void choosePhoto(Path file) {
        pendingCheck.cancel(); // the newest choice wins, whichever check ends first
        checkingPhoto.set(true);
        activity.say(Tone.INFO, messages.get("create.photo.checking", file.getFileName()));
        pendingCheck = tasks.run(
                () -> photoCheck.check(file),
                info -> {
                    checkingPhoto.set(false);
                    photo.set(info);
                    forgetPast(); // a photo chosen now replaces the one of a past result
                    activity.say(Tone.NONE, "");
                },
                error -> {
                    checkingPhoto.set(false);
                    if (error instanceof PhotoRejectedException rejected) {
                        activity.say(Tone.ERROR, messages.get(rejected.reason().messageKey(), rejected.arguments()));
                    } else {
                        activity.say(
                                Tone.ERROR,
                                messages.get("photo.rejected.unreadable", file.getFileName(), error.getMessage()));
                    }
                });
    }

    public void clearPhoto() {
        stopPhotoCheck();
        photo.set(null);
        forgetPast();
        activity.say(Tone.NONE, "");
    }

    private void stopPhotoCheck() {
        pendingCheck.cancel();
        checkingPhoto.set(false);
    }

    /** Uploads the photo (once) and queues the generation; Ctrl+Enter does this. */
    public void generate() {
        if (!canGenerate.get()) {
            if (!blocker.get().isEmpty()) {
                activity.say(Tone.ERROR, blocker.get());
            }
            return;
        }
        PhotoInfo chosen = photo.get();
        PresetView preset = presets.selectedProperty().get();
        String text = prompt.get() == null || prompt.get().isBlank()
                ? null
                : prompt.get().strip();
        refusal.set(Upsell.NONE);
        AspectRatio chosenFormat = format.get() == null || !supports(preset, format.get()) ? null : format.get();
        Takes asked = new Takes(
                preset.id(), text, pastNegativePrompt, chosenFormat, takes.get(), lockedSeedIfOn(), pastStyle);
        PhotoSource source =
                pastPhoto.get() != null ? PhotoSource.uploaded(pastPhoto.get().uploadId()) : PhotoSource.local(chosen);
        rememberPrompt(text);
        if (!session.isOnline()) {
            hold(source, preset, asked);
            return;
        }
        CompanionApi api = session.api();
        activity.working(messages.get("create.generating", preset.name()));
        // Never cancelled: once sent, the server may have charged, and only the answer tells the queue.
        tasks.run(
                () -> submitter.submit(api, source, asked),
                submitted -> {
                    int charged = submitted.accepted().stream()
                            .mapToInt(a -> a.creditsCharged())
                            .sum();
                    sessions.callSucceeded();
                    sessions.refreshUser();
                    submitted.accepted().forEach(a -> queued.accept(a.id()));
                    if (submitted.complete() && asked.count() == 1) {
                        activity.done(messages.get("create.queued", preset.name(), charged));
                    } else if (submitted.complete()) {
                        activity.done(messages.get(
                                "create.queuedTakes",
                                preset.name(),
                                charged,
                                submitted.accepted().size()));
                    } else {
                        activity.failed(messages.get(
                                "create.partlyQueued",
                                submitted.accepted().size(),
                                asked.count(),
                                failures.describe(submitted.stoppedBy())));
                    }
                },
                error -> {
                    if (source instanceof PhotoSource.Uploaded && PhotoSource.expired(error)) {
                        forgetPast(); // the drop zone asks for the photo again; the other settings stay
                        activity.failed(messages.get("useAgain.expired"));
                    } else if (FailureMessages.isNetwork(error)) {
                        // The submitter keeps the key: the server may have charged already, and will not charge again.
                        activity.failed(messages.get("create.networkRetry", failures.describe(error)));
                    } else {
                        sessions.callFailed(error);
                        refusal.set(upsellFor(error));
                        activity.failed(failures.describe(error));
                        if (refusal.get() == Upsell.CREDITS) {
                            sessions.refreshUser(); // the balance here was older than the server's
                        }
                    }
                });
    }

    /** Offline: every take waits on this computer, each with its key and seed, until the Queue can send them. */
    private void hold(PhotoSource source, PresetView preset, Takes asked) {
        activity.working(messages.get("create.holding", preset.name()));
        waiting.hold(
                source,
                preset,
                asked,
                kept -> {
                    heldNotice = kept.size() == 1
                            ? messages.get("create.waiting", preset.name())
                            : messages.get("queue.waiting.heldTakes", preset.name(), kept.size());
                    activity.done(heldNotice);
                },
                error -> activity.failed(messages.get("create.holdFailed", failures.describe(error))));
    }

    /** The balance a new request is checked against: the last known one, less what waiting requests will cost. */
    private int available() {
        return session.creditsProperty().get()
                - waiting.waitingCreditsProperty().get();
    }

    private static Upsell upsellFor(Exception error) {
        if (error instanceof CompanionApiException refused) {
            if (refused.statusCode() == 402) {
                return Upsell.CREDITS;
            }
            if (refused.statusCode() == 403 && "pro_preset".equals(refused.code())) {
                return Upsell.PLAN;
            }
        }
        return Upsell.NONE;
    }

    private Upsell upsellNow() {
        PresetView preset = presets.selectedProperty().get();
        if (preset != null && presets.lockReason(preset).isPresent()) {
            return Upsell.PLAN;
        }
        if (balanceShort.get()) {
            return Upsell.CREDITS;
        }
        return refusal.get();
    }

    /** "Buy credits" / "See plans": opens "Plans & credits". */
    public void showPlans() {
        showPlans.run();
    }

    private String whyNot() {
        PresetView preset = presets.selectedProperty().get();
        if (!session.isSignedIn()) {
            return messages.get("create.blocked.signedOut");
        }
        if (activity.isBusy() || checkingPhoto.get()) {
            return messages.get("create.blocked.busy");
        }
        // What is wrong with the chosen style is said first: it is news, the missing steps are not.
        if (preset != null) {
            var locked = presets.lockReason(preset);
            if (locked.isPresent()) {
                return locked.get();
            }
            if (CreditPricing.balanceAfter(available(), totalCost()) < 0) {
                if (!session.isOnline() || waiting.waitingCreditsProperty().get() > 0) {
                    return messages.get("create.blocked.creditsOffline", totalCost(), Math.max(0, available()));
                }
                return messages.get(
                        "create.blocked.credits",
                        totalCost(),
                        session.creditsProperty().get());
            }
        }
        if (!seedError.get().isEmpty()) {
            return seedError.get();
        }
        if (photo.get() == null && pastPhoto.get() == null) {
            return messages.get("create.blocked.noPhoto");
        }
        if (preset == null) {
            return messages.get("create.blocked.noPreset");
        }
        return "";
    }

    /**
     * What the screen says under Generate: why it is disabled, and offline that the request will wait for the
     * connection and which balance the credits were checked against.
     */
    private String hintNow() {
        String why = blocker.get();
        if (!session.isSignedIn() || session.isOnline()) {
            return why;
        }
        StringBuilder text = new StringBuilder(messages.get("create.offline.hint"));
        if (presets.selectedProperty().get() != null) {
            text.append(' ')
                    .append(messages.get(
                            "create.offline.credits",
                            session.creditsProperty().get(),
                            waiting.waitingCreditsProperty().get()));
        }
        if (!why.isEmpty()) {
            text.append(' ').append(why);
        }
        return text.toString();
    }

    /** The button's words: offline they say the request waits for the connection. */
    public StringBinding generateText() {
        return Bindings.createStringBinding(
                () -> messages.get(
                        session.isSignedIn() && !session.isOnline() ? "create.generate.offline" : "create.generate"),
                session.onlineProperty(),
                session.signedInProperty());
    }

    /** "4 credits" for the selected preset, or a dash. */
    public StringBinding costText() {
        return Bindings.createStringBinding(
                () -> {
                    PresetView preset = presets.selectedProperty().get();
                    return preset == null
                            ? messages.get("create.summary.dash")
                            : takes.get() == 1
                                    ? messages.get("create.cost", totalCost())
                                    : messages.get("create.costTakes", takes.get(), totalCost());
                },
                takes,
                presets.selectedProperty());
    }

    /** What the balance will be after Generate ("1 credit"), or a dash. */
    public StringBinding balanceAfterText() {
        return Bindings.createStringBinding(
                () -> {
                    PresetView preset = presets.selectedProperty().get();
                    if (preset == null) {
                        return messages.get("create.summary.dash");
                    }
                    int after = CreditPricing.balanceAfter(available(), totalCost());
                    return messages.get(after < 0 ? "create.balanceShort" : "create.balanceAfter", after, -after);
                },
                takes,
                presets.selectedProperty(),
                session.creditsProperty(),
                waiting.waitingCreditsProperty());
    }

    /** What every take together costs: each take is charged on its own. */
    private int totalCost() {
        PresetView preset = presets.selectedProperty().get();
        return preset == null ? 0 : preset.credits() * takes.get();
    }

    /** The preset's default format, else its first, else none (a preset that does not say). */
    private static AspectRatio defaultFormat(PresetView preset) {
        if (preset == null) {
            return null;
        }
        return AspectRatio.parse(preset.defaultAspectRatio())
                .or(() -> preset.aspectRatios().stream()
                        .map(AspectRatio::parse)
                        .flatMap(java.util.Optional::stream)
                        .findFirst())
                .orElse(null);
    }

    private static boolean supports(PresetView preset, AspectRatio ratio) {
        return preset != null && preset.aspectRatios().contains(ratio.label());
    }

    /** Whether the selected preset's model can make {@code ratio}; the picker disables the others. */
    public boolean supportsFormat(AspectRatio ratio) {
        return supports(presets.selectedProperty().get(), ratio);
    }

    /** Chooses a format the selected preset supports; others are ignored. */
    public void chooseFormat(AspectRatio ratio) {
        if (supportsFormat(ratio)) {
            format.set(ratio);
        }
    }

    /** The seed typed in the box, if it is a whole number from 0 to 2147483647. */
    private Long lockedSeed() {
        String text = seedText.get() == null ? "" : seedText.get().strip();
        if (!text.matches("\\d{1,10}")) {
            return null;
        }
        long seed = Long.parseLong(text);
        return seed <= CreateGenerationRequest.MAX_SEED ? seed : null;
    }

    private Long lockedSeedIfOn() {
        return lockSeed.get() ? lockedSeed() : null;
    }

    /** The dice: a new random seed in the box. */
    public void rollSeed() {
        seedText.set(Long.toString(dice.nextLong(CreateGenerationRequest.MAX_SEED + 1)));
    }

    /** The selected format; null until a preset is chosen. */
    public ObjectProperty<AspectRatio> formatProperty() {
        return format;
    }

    /** How many takes (1–4) one Create asks for; each is charged. */
    public IntegerProperty takesProperty() {
        return takes;
    }

    /** "Lock seed": take i gets the typed seed plus i, so a look can be made again. */
    public BooleanProperty lockSeedProperty() {
        return lockSeed;
    }

    public StringProperty seedTextProperty() {
        return seedText;
    }

    /** Why the typed seed cannot be used; empty when it can (or the seed is not locked). */
    public StringBinding seedErrorProperty() {
        return seedError;
    }

    // ---- Use again (issue 14): Create filled from a past result, its photo sent by its upload id ----

    private final ReadOnlyObjectWrapper<PastSettings> pastPhoto = new ReadOnlyObjectWrapper<>(this, "pastPhoto");
    private String pastNegativePrompt; // the past result's, until another preset is chosen
    private UUID pastStyle; // the user's style it came from, while it still exists and its preset is selected
    private long pastPreset = -1;

    /**
     * "Use again": fills Create with the photo of a past result (by its upload id: it is not uploaded again; the
     * drop zone shows its cached preview, or a placeholder), its preset, prompt, format and seed (locked, one take,
     * so the same result can be made again) and its style if it still exists. Choosing a photo replaces the past one.
     */
    public void useAgain(PastSettings past) {
        stopPhotoCheck();
        photo.set(null);
        pastPhoto.set(past.uploadId() == null ? null : past);
        PresetView preset = presets.allPresets().stream()
                .filter(p -> p.id() == past.presetId())
                .findFirst()
                .orElse(null);
        if (preset != null) {
            presets.select(preset); // sets the preset's default format: the past one is set after it
        }
        prompt.set(past.prompt() == null ? "" : past.prompt());
        AspectRatio.parse(past.aspectRatio()).filter(this::supportsFormat).ifPresent(format::set);
        takes.set(1);
        if (past.seed() != null) {
            seedText.set(Long.toString(past.seed()));
            lockSeed.set(true);
        }
        pastNegativePrompt = past.negativePrompt();
        pastStyle = past.styleId();
        pastPreset = past.presetId();
        if (pastStyle != null && session.isOnline()) {
            UUID wanted = pastStyle;
            CompanionApi api = session.api();
            tasks.run(
                    api::styles,
                    styles -> {
                        if (styles.items().stream()
                                        .noneMatch(style -> style.id().equals(wanted))
                                && wanted.equals(pastStyle)) {
                            pastStyle = null; // deleted since: the preset, prompt and format still make the look
                        }
                    },
                    error -> {
                        if (wanted.equals(pastStyle)) {
                            pastStyle = null;
                        }
                    });
        }
        activity.say(
                preset == null ? Tone.ERROR : Tone.INFO,
                preset == null
                        ? messages.get("useAgain.presetGone")
                        : messages.get("useAgain.filled", preset.name(), pastFacts(past)));
    }

    /** ", 9:16, seed 1234": what was filled in besides the preset, in the words of the status line. */
    private String pastFacts(PastSettings past) {
        StringBuilder facts = new StringBuilder();
        if (format.get() != null) {
            facts.append(messages.get("useAgain.format", format.get().label()));
        }
        if (past.seed() != null) {
            facts.append(messages.get("useAgain.seed", past.seed()));
        }
        return facts.toString();
    }

    /** The past result whose photo Create will use (by its upload id); null when a photo file is chosen. */
    ReadOnlyObjectProperty<PastSettings> pastPhotoProperty() {
        return pastPhoto.getReadOnlyProperty();
    }

    private void forgetPast() {
        pastPhoto.set(null);
    }

    private void forgetPastStyle(PresetView now) {
        if (now == null || now.id() != pastPreset) {
            pastNegativePrompt = null;
            pastStyle = null;
            pastPreset = -1;
        }
    }

    // ---- end of Use again ----

    // ---- My styles and the prompt box's library (issue 14) ----

    private final MyStyles myStyles;
    private final RecentPrompts recentPrompts;
    private final ReadOnlyObjectWrapper<StyleView> chosenStyle = new ReadOnlyObjectWrapper<>(this, "chosenStyle");
    private final ObservableList<String> examples = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper examplesNote = new ReadOnlyStringWrapper(this, "examplesNote", "");
    private final ReadOnlyStringWrapper examplesTitle = new ReadOnlyStringWrapper(this, "examplesTitle", "");
    private TaskHandle examplesLoad = TaskHandle.NONE;

    /**
     * Picks one of the user's styles: its base preset, prompt, negative prompt and format are filled in, and every
     * take sent from now on names the style, until another preset is chosen.
     */
    public void chooseStyle(StyleView style) {
        PresetView base = presets.allPresets().stream()
                .filter(p -> p.id() == style.basePresetId())
                .findFirst()
                .orElse(null);
        if (base == null) {
            activity.say(Tone.ERROR, messages.get("create.style.presetGone", style.name()));
            return;
        }
        presets.select(base); // clears a style of another preset and sets the preset's default format first
        prompt.set(style.prompt() == null ? "" : style.prompt());
        AspectRatio.parse(style.aspectRatio()).filter(this::supportsFormat).ifPresent(format::set);
        pastNegativePrompt =
                style.negativePrompt() == null || style.negativePrompt().isBlank() ? null : style.negativePrompt();
        pastStyle = style.id();
        pastPreset = base.id();
        chosenStyle.set(style);
        myStyles.cancel(); // "Saved …" and an open rename are old news once a style is picked
        activity.say(Tone.INFO, messages.get("create.style.chosen", style.name(), base.name()));
    }

    /**
     * "Save as my style": the selected preset, the prompt, the negative prompt and the format under {@code name}.
     * Once saved, the style is the chosen one. {@code saved} runs after the server kept it.
     */
    public void saveStyle(String name, Runnable saved) {
        PresetView preset = presets.selectedProperty().get();
        if (preset == null) {
            myStyles.failedNow(messages.get("create.style.needsPreset"));
            return;
        }
        String text = prompt.get() == null ? "" : prompt.get().strip();
        AspectRatio ratio = format.get() != null && supports(preset, format.get()) ? format.get() : null;
        StyleRequest request = new StyleRequest(
                name == null ? null : name.strip(),
                preset.id(),
                text,
                pastNegativePrompt,
                ratio == null ? null : ratio.label());
        myStyles.save(request, style -> {
            if (presets.selectedProperty().get() != null
                    && presets.selectedProperty().get().id() == style.basePresetId()) {
                pastStyle = style.id();
                pastPreset = style.basePresetId();
                pastNegativePrompt = request.negativePrompt();
                chosenStyle.set(style);
            }
            saved.run();
        });
    }

    private void forgetChosenStyle(PresetView now) {
        StyleView style = chosenStyle.get();
        if (style != null && (now == null || now.id() != style.basePresetId())) {
            chosenStyle.set(null);
        }
    }

    private void forgetDeletedStyle(UUID id) {
        if (id.equals(pastStyle)) {
            pastStyle = null;
        }
        if (chosenStyle.get() != null && chosenStyle.get().id().equals(id)) {
            chosenStyle.set(null);
        }
    }

    /** The style whose id the next takes carry, when it was chosen under My styles (or just saved). */
    public ReadOnlyObjectProperty<StyleView> chosenStyleProperty() {
        return chosenStyle.getReadOnlyProperty();
    }

    public MyStyles styles() {
        return myStyles;
    }

    /**
     * Reads the prompt library's examples for the selected preset's category (all categories without one) and the
     * recent prompts; offline the examples are replaced by a short note.
     */
    public void loadPromptLibrary() {
        loadRecentPrompts();
        examplesLoad.cancel();
        PresetView preset = presets.selectedProperty().get();
        PresetCategory category = preset == null ? null : preset.category();
        examplesTitle.set(
                category == null
                        ? messages.get("create.prompts.examplesAll")
                        : messages.get("create.prompts.examples", category.label()));
        if (!session.isSignedIn() || !session.isOnline()) {
            examples.clear();
            examplesNote.set(messages.get("create.prompts.offline"));
            return;
        }
        examplesNote.set(messages.get("create.prompts.loading"));
        CompanionApi api = session.api();
        examplesLoad = tasks.run(
                () -> api.prompts(category).items().stream()
                        .map(PromptExample::text)
                        .toList(),
                texts -> {
                    examples.setAll(texts);
                    examplesNote.set(texts.isEmpty() ? messages.get("create.prompts.none") : "");
                },
                error -> {
                    examples.clear();
                    examplesNote.set(
                            FailureMessages.isNetwork(error)
                                    ? messages.get("create.prompts.offline")
                                    : messages.get("create.prompts.loadFailed", failures.describe(error)));
                });
    }

    /** Fills the prompt box with an example or a recent prompt. */
    public void usePrompt(String text) {
        prompt.set(text == null ? "" : text);
    }

    private void loadRecentPrompts() {
        tasks.run(recentPrompts::list, recent::setAll, error -> {});
    }

    /** A submitted (or kept) generation's prompt becomes the newest recent one. */
    private void rememberPrompt(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        tasks.run(() -> recentPrompts.record(text), recent::setAll, error -> {});
    }

    /** The examples of the prompt library, as last read. */
    public ObservableList<String> promptExamples() {
        return examples;
    }

    /** The user's last distinct prompts, newest first. */
    public ObservableList<String> recentPrompts() {
        return recent;
    }

    /** Instead of examples: loading, offline, none, or why they could not be read; empty when they are shown. */
    public ReadOnlyStringProperty promptExamplesNoteProperty() {
        return examplesNote.getReadOnlyProperty();
    }

    /** "Examples: Portrait". */
    public ReadOnlyStringProperty promptExamplesTitleProperty() {
        return examplesTitle.getReadOnlyProperty();
    }

    // ---- end of My styles and the prompt library ----

    private void reset() {
        stopPhotoCheck();
        photo.set(null);
        forgetPast();
        prompt.set("");
        submitter.reset();
        activity.say(Tone.NONE, "");
    }

    public PresetBrowserViewModel presets() {
        return presets;
    }

    public ReadOnlyObjectProperty<PhotoInfo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingPhotoProperty() {
        return checkingPhoto.getReadOnlyProperty();
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    /** What to say under Generate: {@link #blockerProperty()}, and offline how a Generate is kept and checked. */
    public StringBinding hintProperty() {
        return hint;
    }

    /** Why Generate is disabled right now; empty when it is not. */
    public StringBinding blockerProperty() {
        return blocker;
    }

    /** The selected style costs more than the balance. */
    public BooleanBinding balanceShortProperty() {
        return balanceShort;
    }

    /** Whether to offer credits or a plan beside the status, and which. */
    public ObjectBinding<Upsell> upsellProperty() {
        return upsell;
    }

    public ReadOnlyStringProperty statusProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return activity.toneProperty();
    }
}
