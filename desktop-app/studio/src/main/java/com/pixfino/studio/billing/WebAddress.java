package com.pixfino.studio.billing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Only web addresses go to the browser: whatever a server answers, it cannot make the studio open a file or a program. */
final class WebAddress {

    private WebAddress() {}

    static String checked(String url) throws IOException {
        try {
            URI uri = new URI(url == null ? "" : url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IOException("the server answered an address that is not a web page");
    }
}
