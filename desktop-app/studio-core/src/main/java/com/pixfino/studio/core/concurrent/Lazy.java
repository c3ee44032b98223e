package com.pixfino.studio.core.concurrent;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first; the others wait for it. The studio makes its slow
 * start-up pieces this way (the HTTP client, the OS keychain), so that they cost nothing before the first window and
 * are then made by the background task that first needs them.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory);
    }

    public static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(factory.get(), "a lazy value's factory answered null");
                    value = made;
                }
            }
        }
        return made;
    }

    /** The value if it was made, without making it (closing what was opened, and only that). */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
