package com.pixfino.studio.admin.growth;

import com.pixfino.studio.core.admin.NewPromoCode;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "New promo code": what the admin typed, checked as they type against the server's own rules (code 3–32 letters,
 * digits, '-' or '_'; credits 1–10,000; 1–1,000,000 redemptions; from before until), so a refusal is rare. An empty
 * field is only called out once Create was pressed. Starts valid from now for 48 hours. UI thread only.
 */
final class PromoCodeForm {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(48);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,32}");

    private final Messages messages;
    private final Clock clock;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty credits = new SimpleStringProperty(this, "credits", "");
    private final StringProperty maxRedemptions = new SimpleStringProperty(this, "maxRedemptions", "");
    private final MomentInput from;
    private final MomentInput to;
    private final ReadOnlyStringWrapper codeError = new ReadOnlyStringWrapper(this, "codeError", "");
    private final ReadOnlyStringWrapper creditsError = new ReadOnlyStringWrapper(this, "creditsError", "");
    private final ReadOnlyStringWrapper maxError = new ReadOnlyStringWrapper(this, "maxError", "");
    private final ReadOnlyStringWrapper windowError = new ReadOnlyStringWrapper(this, "windowError", "");
    private boolean tried;

    PromoCodeForm(Messages messages, Clock clock, ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        from = new MomentInput(zone);
        to = new MomentInput(zone);
        List<Observable> fields = new ArrayList<>(List.of(code, credits, maxRedemptions));
        fields.addAll(List.of(from.dependencies()));
        fields.addAll(List.of(to.dependencies()));
        fields.forEach(field -> field.addListener(observable -> check()));
        reset();
    }

    /** Back to the defaults: no code, 10 credits, 100 redemptions, from now for 48 hours. */
    void reset() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        code.set("");
        credits.set("10");
        maxRedemptions.set("100");
        from.set(now);
        to.set(now.plus(DEFAULT_WINDOW));
        tried = false;
        check();
    }

    /** The code to create, or empty with every problem shown beside its field. */
    Optional<NewPromoCode> request() {
        tried = true;
        if (!check()) {
            return Optional.empty();
        }
        return Optional.of(new NewPromoCode(
                code.get().trim(),
                Numbers.within(credits.get(), 1, 10_000).getAsInt(),
                Numbers.within(maxRedemptions.get(), 1, 1_000_000).getAsInt(),
                from.value().orElseThrow(),
                to.value().orElseThrow()));
    }

    /** The server refused the code: a taken code is said beside the code, anything else beside the window. */
    void refused(Exception error, String described) {
        if (error instanceof CompanionApiException refusal
                && ("code_taken".equals(refusal.code())
                        || described.toLowerCase(java.util.Locale.ROOT).startsWith("code"))) {
            codeError.set(described);
        } else {
            windowError.set(described);
        }
    }

    private boolean check() {
        String typed = code.get().trim();
        codeError.set(
                typed.isEmpty()
                        ? (tried ? messages.get("admin.growth.code.needed") : "")
                        : CODE.matcher(typed).matches() ? "" : messages.get("admin.growth.code.invalid"));
        creditsError.set(numberError(credits.get(), 1, 10_000));
        maxError.set(numberError(maxRedemptions.get(), 1, 1_000_000));
        windowError.set(windowError(from, to, tried, messages));
        return codeError.get().isEmpty()
                && !typed.isEmpty()
                && creditsError.get().isEmpty()
                && maxError.get().isEmpty()
                && windowError.get().isEmpty();
    }

    private String numberError(String typed, int min, int max) {
        OptionalInt value = Numbers.within(typed, min, max);
        if (value.isPresent() || (typed.isBlank() && !tried)) {
            return "";
        }
        return messages.get("admin.growth.number", min, max);
    }

    /** Both moments valid and the first before the second; shared with the launch promo window. */
    static String windowError(MomentInput from, MomentInput to, boolean tried, Messages messages) {
        Optional<Instant> start = from.value();
        Optional<Instant> end = to.value();
        if (start.isEmpty() || end.isEmpty()) {
            boolean typing = from.isBlank() || to.isBlank();
            return typing && !tried ? "" : messages.get("admin.growth.window.incomplete");
        }
        return start.get().isBefore(end.get()) ? "" : messages.get("admin.growth.window.order");
    }

    StringProperty codeProperty() {
        return code;
    }

    StringProperty creditsProperty() {
        return credits;
    }

    StringProperty maxRedemptionsProperty() {
        return maxRedemptions;
    }

    MomentInput from() {
        return from;
    }

    MomentInput to() {
        return to;
    }

    ReadOnlyStringProperty codeErrorProperty() {
        return codeError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty creditsErrorProperty() {
        return creditsError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty maxErrorProperty() {
        return maxError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty windowErrorProperty() {
        return windowError.getReadOnlyProperty();
    }
}
