package com.pixfino.studio.billing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Only web addresses go to the browser: whatever a server answers, it cannot make the studio open a file or a program. */
final class WebAddress {

    private WebAddress() {}

    /** The address, if it is an http(s) page; a refusal is not a network failure, so it is no IOException. */
    static String checked(String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("the server answered an address that is not a web page");
    }

    /** Opens a checked address; a browser that fails is a {@link BrowserFailure}, which keeps the address. */
    static void open(Browser browser, String url) {
        String checked = checked(url);
        try {
            browser.open(checked);
        } catch (IOException | RuntimeException e) {
            throw new BrowserFailure(checked, e);
        }
    }

    /** The browser could not show a page: the user can still open its address by hand. */
    static final class BrowserFailure extends RuntimeException {

        private final String url;

        BrowserFailure(String url, Exception cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
            this.url = url;
        }

        String url() {
            return url;
        }
    }
}
