package com.pixfino.studio.core.account;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the token out of what people paste from a reset mail: the whole link, part of it, or the token alone. */
public final class ResetLinks {

    private static final Pattern TOKEN_PARAM = Pattern.compile("[?&]token=([^&#\\s]+)");
    private static final Pattern BARE_TOKEN = Pattern.compile("[A-Za-z0-9_%-]{16,}");

    private ResetLinks() {}

    /** The token, or empty when the text holds neither a link with a token nor something shaped like one. */
    public static Optional<String> token(String pasted) {
        if (pasted == null) {
            return Optional.empty();
        }
        // mail clients wrap long links and add angle brackets or quotes around them
        String text = pasted.strip().replaceAll("\\s+", "").replaceAll("^[<\"']+|[>\"'.]+$", "");
        Matcher param = TOKEN_PARAM.matcher(text);
        if (param.find()) {
            String token = URLDecoder.decode(param.group(1), StandardCharsets.UTF_8);
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        if (text.contains("/") || text.contains("?")) {
            return Optional.empty(); // a link without its token: copied incompletely
        }
        return BARE_TOKEN.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
