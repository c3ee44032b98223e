package com.pixfino.studio.testsupport;

import com.pixfino.studio.theme.ThemeMode;
import javafx.application.Application;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Each test in the studio's light theme, and the theme that was set before it back afterwards. Name it before TestFX's
 * extension so that the window a {@code @Start} method builds is styled light from the first pass:
 *
 * <pre>{@code @ExtendWith({LightTheme.class, ApplicationExtension.class})}</pre>
 */
public final class LightTheme implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LightTheme.class);
    private static final String PREVIOUS = "previous";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the toolkit for the first test
        String previous = OnFx.call(() -> {
            String before = Application.getUserAgentStylesheet();
            Application.setUserAgentStylesheet(ThemeMode.LIGHT.userAgentStylesheet());
            return before;
        });
        context.getStore(NAMESPACE).put(PREVIOUS, previous == null ? "" : previous);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String previous = context.getStore(NAMESPACE).remove(PREVIOUS, String.class);
        OnFx.call(() -> {
            Application.setUserAgentStylesheet(previous == null || previous.isEmpty() ? null : previous);
            return null;
        });
    }
}
