package com.pixfino.studio.admin.growth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A moment as a form takes it: a day from a date picker and a time typed as {@code 14:30}, in the admin's zone. */
final class MomentInput {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final ZoneId zone;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");

    MomentInput(ZoneId zone) {
        this.zone = zone;
    }

    /** Shows {@code at} (null: empty). */
    void set(Instant at) {
        if (at == null) {
            date.set(null);
            time.set("");
        } else {
            ZonedDateTime local = at.atZone(zone);
            date.set(local.toLocalDate());
            time.set(TIME.format(local.toLocalTime()));
        }
    }

    /** The moment, when both the day and a valid time are there. */
    Optional<Instant> value() {
        if (date.get() == null) {
            return Optional.empty();
        }
        try {
            LocalTime at = LocalTime.parse(time.get().trim(), TIME);
            return Optional.of(date.get().atTime(at).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    boolean isBlank() {
        return date.get() == null && time.get().isBlank();
    }

    Observable[] dependencies() {
        return new Observable[] {date, time};
    }

    ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    StringProperty timeProperty() {
        return time;
    }
}
