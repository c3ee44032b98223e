package com.pixfino.server.http;

import com.pixfino.server.domain.Html;
import io.javalin.http.Context;

/**
 * The server's few small pages for people (a link opened from a mail): one heading, short paragraphs and at most one
 * form, every piece of text escaped. No template engine, no script, no style.
 */
public final class HtmlPage {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A form that posts {@code hidden} (name, value) and one password field to {@code action}.
     *
     * @param hidden pairs of name and value
     */
    public HtmlPage passwordForm(String action, String label, String field, String button, String... hidden) {
        body.append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n");
        for (int i = 0; i + 1 < hidden.length; i += 2) {
            body.append("<input type=\"hidden\" name=\"")
                    .append(escape(hidden[i]))
                    .append("\" value=\"")
                    .append(escape(hidden[i + 1]))
                    .append("\">\n");
        }
        body.append("<p><label>")
                .append(escape(label))
                .append(" <input type=\"password\" name=\"")
                .append(escape(field))
                .append("\" autocomplete=\"new-password\" minlength=\"10\" maxlength=\"128\" required></label></p>\n")
                .append("<p><button type=\"submit\">")
                .append(escape(button))
                .append("</button></p>\n</form>\n");
        return this;
    }

    /** A form with only a button that posts (no fields) to {@code action}. */
    public HtmlPage button(String action, String label) {
        body.append("<form method=\"post\" action=\"")
                .append(escape(action))
                .append("\">\n<p><button type=\"submit\">")
                .append(escape(label))
                .append("</button></p>\n</form>\n");
        return this;
    }

    public void send(Context ctx, int status) {
        ctx.status(status)
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"referrer\" content=\"no-referrer\"><title>Pixfino · " + escape(title)
                        + "</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n");
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
