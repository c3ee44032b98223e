package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.i18n.Messages;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;

/** The studio's strings plus one a test needs, such as the name of a screen only the test registers. */
public final class TestMessages {

    private TestMessages() {}

    public static Messages studioPlus(String key, String value) {
        ResourceBundle studio = ResourceBundle.getBundle("com.pixfino.studio.core.i18n.messages", Locale.ROOT);
        return new Messages(new ListResourceBundle() {
            {
                setParent(studio);
            }

            @Override
            protected Object[][] getContents() {
                return new Object[][] {{key, value}};
            }

            @Override
            public Locale getLocale() {
                return Locale.ROOT;
            }
        });
    }
}
