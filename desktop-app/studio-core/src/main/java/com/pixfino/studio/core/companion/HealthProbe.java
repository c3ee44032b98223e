package com.pixfino.studio.core.companion;

import java.net.URI;

/** Asks whether something answers at {@code <server>/health}; any HTTP answer counts. */
@FunctionalInterface
public interface HealthProbe {

    boolean answers(URI server);
}
