package com.pixfino.server.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail as its reader gets it: subject, recipient, both bodies and the headers, read from the real MIME message. */
public record ReceivedMail(
        MimeMessage message, String to, String subject, String contentType, String text, String html) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            }
            return new ReceivedMail(
                    message,
                    message.getAllRecipients()[0].toString(),
                    message.getSubject(),
                    message.getContentType(),
                    text,
                    html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("not a readable mail: " + e.getMessage(), e);
        }
    }

    /** Reads an {@code .eml} file as a mail client would. */
    public static ReceivedMail read(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return of(new MimeMessage(Session.getInstance(new Properties()), in));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("not a readable .eml file " + eml + ": " + e.getMessage(), e);
        }
    }

    /** The sender as the From header names it. */
    public String from() {
        try {
            return message.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the plain-text body to {@code path} ({@code /verify-email}), with its query. */
    public String link(String path) {
        Matcher m = Pattern.compile("https?://\\S+?" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_%-]+")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link to " + path + " in: " + text);
        }
        return m.group();
    }

    /** The token of the first link to {@code path}. */
    public String token(String path) {
        String link = link(path);
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }
}
