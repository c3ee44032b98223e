package com.pixfino.studio.account;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Storage" on the account screen: how much disk the full-size results kept on this computer may take (the settings
 * entry, in GB with one decimal, 0.5 to 100; it applies at once and is saved with the settings), how much they take
 * now (measured off the UI thread), and clearing them (thumbnails stay; an original downloads again when opened).
 * UI thread only.
 */
public final class StorageViewModel {

    /** The cap's bounds and step in GB, as the field offers them. */
    public static final double MIN_GB = 0.5;

    public static final double MAX_GB = 100;
    public static final double STEP_GB = 0.5;

    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB = 1024.0 * 1024;

    private final TaskExecutor tasks;
    private final Library library;
    private final LongProperty capBytes;
    private final Messages messages;
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper(this, "usage", "");
    private final ReadOnlyStringWrapper capError = new ReadOnlyStringWrapper(this, "capError", "");
    private final ActivityStatus activity = new ActivityStatus();
    private TaskHandle measuring = TaskHandle.NONE;

    /**
     * @param library the signed-in account's library (its originals are measured and cleared)
     * @param capBytes the settings entry: the library follows it, the settings file keeps it
     */
    public StorageViewModel(TaskExecutor tasks, Library library, LongProperty capBytes, Messages messages) {
        this.tasks = tasks;
        this.library = library;
        this.capBytes = capBytes;
        this.messages = messages;
        capBytes.addListener((obs, was, now) -> refresh()); // a smaller cap evicts at once
    }

    /** The cap in GB, rounded to one decimal. */
    public double capGigabytes() {
        return roundToTenth(capBytes.get() / GB);
    }

    /**
     * What the field holds: "2.5" or "2,5", with or without "GB". Empty when it is not a size from 0.5 to 100 GB; the
     * inline message then says why, until the field is edited again or a cap is set.
     */
    public Optional<Double> parseCap(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.regionMatches(true, Math.max(0, text.length() - 2), "GB", 0, 2)) {
            text = text.substring(0, text.length() - 2).strip();
        }
        double value;
        try {
            value = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            capError.set(messages.get("account.storage.capInvalid", typed == null ? "" : typed.strip()));
            return Optional.empty();
        }
        if (!Double.isFinite(value) || value < MIN_GB || value > MAX_GB) {
            capError.set(messages.get("account.storage.capInvalid", typed.strip()));
            return Optional.empty();
        }
        return Optional.of(roundToTenth(value));
    }

    /** The field is being typed in again: the complaint about the last value goes. */
    public void editingCap() {
        capError.set("");
    }

    /** Sets the cap (GB, 0.5 to 100): applied to the library at once, saved with the settings. */
    public void setCap(double gigabytes) {
        if (gigabytes < MIN_GB || gigabytes > MAX_GB) {
            capError.set(messages.get("account.storage.capInvalid", format(gigabytes)));
            return;
        }
        capError.set("");
        capBytes.set(Math.round(roundToTenth(gigabytes) * GB));
    }

    /** Measures the originals kept now (when the screen opens, after a change). */
    public void refresh() {
        measuring.cancel();
        measuring = tasks.run(
                library::originalsSize,
                bytes -> usage.set(messages.get("account.storage.usage", readable(bytes))),
                failure -> usage.set(messages.get("account.storage.usageUnknown")));
    }

    /** Deletes the originals kept on this computer (the view asks first); thumbnails stay. */
    public void clearOriginals() {
        if (activity.isBusy()) {
            return;
        }
        activity.working(messages.get("account.storage.clearing"));
        tasks.run(
                library::clearOriginals,
                freed -> {
                    activity.done(messages.get("account.storage.cleared", readable(freed)));
                    refresh();
                },
                failure -> {
                    activity.failed(messages.get("account.storage.clearFailed", failure.getMessage()));
                    refresh();
                });
    }

    /** "Originals on this computer: 312 MB". */
    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** Why the typed cap was not taken; empty when it was. */
    public ReadOnlyStringProperty capErrorProperty() {
        return capError.getReadOnlyProperty();
    }

    /** The outcome of clearing. */
    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> noticeToneProperty() {
        return activity.toneProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    /** The cap as the field shows it: "2.0". */
    public static String format(double gigabytes) {
        return String.format(Locale.ROOT, "%.1f", gigabytes);
    }

    /** "0 KB", "840 KB", "312 MB", "1.4 GB". */
    public static String readable(long bytes) {
        if (bytes >= GB) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / GB);
        }
        if (bytes >= MB) {
            return Math.round(bytes / MB) + " MB";
        }
        return Math.round(bytes / 1024.0) + " KB";
    }

    private static double roundToTenth(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
