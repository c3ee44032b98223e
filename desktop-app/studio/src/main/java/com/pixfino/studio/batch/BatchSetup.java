package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.i18n.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * What the user set up on the Batch screen: folders, presets and options, and the request they make. The output
 * folder follows the input ({@code <input>-pixfino} beside it) until the user types another. UI thread only.
 */
public final class BatchSetup {

    /** Added to the input folder's name for the default output folder beside it. */
    public static final String OUTPUT_SUFFIX = "-pixfino";

    private final Messages messages;
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final BooleanProperty recursive = new SimpleBooleanProperty(this, "recursive", true);
    private final BooleanProperty watch = new SimpleBooleanProperty(this, "watch");
    private final BooleanProperty overwrite = new SimpleBooleanProperty(this, "overwrite");
    private final StringProperty nameTemplate =
            new SimpleStringProperty(this, "nameTemplate", BatchRequest.DEFAULT_TEMPLATE);
    private final StringProperty creditCap = new SimpleStringProperty(this, "creditCap", "");
    private final ObservableSet<String> presets = FXCollections.observableSet(new LinkedHashSet<>());

    BatchSetup(Messages messages) {
        this.messages = messages;
        input.addListener((obs, was, now) -> {
            String before = defaultOutput(was);
            if (output.get() == null || output.get().isBlank() || output.get().equals(before)) {
                output.set(defaultOutput(now));
            }
        });
    }

    /** {@code <input>-pixfino} beside the input folder, or empty while there is no input. */
    static String defaultOutput(String inputFolder) {
        if (inputFolder == null || inputFolder.isBlank()) {
            return "";
        }
        String trimmed = inputFolder.strip();
        while (trimmed.length() > 1 && (trimmed.endsWith("/") || trimmed.endsWith("\\"))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed + OUTPUT_SUFFIX;
    }

    /** Calls {@code listener} whenever anything that changes the request changes. */
    void onChange(Runnable listener) {
        InvalidationListener any = observable -> listener.run();
        input.addListener(any);
        output.addListener(any);
        recursive.addListener(any);
        watch.addListener(any);
        overwrite.addListener(any);
        nameTemplate.addListener(any);
        creditCap.addListener(any);
        presets.addListener((SetChangeListener<String>) change -> listener.run());
    }

    /** The request as set up, or why there is none yet (a sentence for the screen). */
    Result request() {
        if (input.get() == null || input.get().isBlank()) {
            return Result.problem(messages.get("batch.problem.noInput"));
        }
        if (output.get() == null || output.get().isBlank()) {
            return Result.problem(messages.get("batch.problem.noOutput"));
        }
        if (presets.isEmpty()) {
            return Result.problem(messages.get("batch.problem.noPreset"));
        }
        Optional<Long> cap;
        try {
            cap = cap();
        } catch (NumberFormatException e) {
            return Result.problem(messages.get("batch.problem.cap"));
        }
        Path in;
        Path out;
        try {
            in = Path.of(input.get().strip()).toAbsolutePath().normalize();
            out = Path.of(output.get().strip()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Result.problem(messages.get("batch.problem.path", e.getInput()));
        }
        String template = nameTemplate.get() == null || nameTemplate.get().isBlank()
                ? BatchRequest.DEFAULT_TEMPLATE
                : nameTemplate.get().strip();
        return Result.of(BatchRequest.of(in, out, new ArrayList<>(presets))
                .withRecursive(recursive.get())
                .withWatch(watch.get())
                .withOverwrite(overwrite.get())
                .withNameTemplate(template)
                .withMaxCredits(cap.orElse(null)));
    }

    private Optional<Long> cap() {
        String text = creditCap.get() == null ? "" : creditCap.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        if (value <= 0) {
            throw new NumberFormatException("not above zero");
        }
        return Optional.of(value);
    }

    /** Shows a request the engine remembered (a batch to resume) in the fields. */
    void show(BatchRequest request) {
        input.set(request.input().toString());
        output.set(request.output().toString());
        recursive.set(request.recursive());
        watch.set(request.watch());
        overwrite.set(request.overwrite());
        nameTemplate.set(request.nameTemplate());
        creditCap.set(request.maxCredits() == null ? "" : String.valueOf(request.maxCredits()));
        presets.clear();
        presets.addAll(request.presets());
    }

    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public BooleanProperty recursiveProperty() {
        return recursive;
    }

    public BooleanProperty watchProperty() {
        return watch;
    }

    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public StringProperty nameTemplateProperty() {
        return nameTemplate;
    }

    /** Empty for no cap, else a whole number of credits above zero. */
    public StringProperty creditCapProperty() {
        return creditCap;
    }

    /** The chosen presets' slugs, in the order they were chosen. */
    public ObservableSet<String> presets() {
        return presets;
    }

    /** A request, or the sentence saying what is missing. */
    record Result(BatchRequest request, String problem) {

        static Result of(BatchRequest request) {
            return new Result(request, "");
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }

        boolean ok() {
            return request != null;
        }

        List<String> presets() {
            return request == null ? List.of() : request.presets();
        }
    }
}
