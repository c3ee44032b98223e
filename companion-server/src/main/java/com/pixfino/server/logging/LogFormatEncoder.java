package com.pixfino.server.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The server's log lines, as {@code PIXFINO_LOG_FORMAT} asks (logback.xml passes it as {@code format}): {@code json}
 * writes one JSON object a line (journald, ELK: level, logger, thread, epoch-millisecond timestamp and the message),
 * {@code text} (the default) a timestamp and {@code key=value} fields. The messages themselves are key=value in both.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    /** The text layout: the fields as key=value, then the message (which is key=value too). */
    public static final String TEXT_PATTERN = "%d{ISO8601} level=%level thread=%thread logger=%logger{24} %msg%n";

    private String format = "text";
    private Encoder<ILoggingEvent> delegate;

    /** {@code json} or {@code text}, in any case; the configuration check refuses other values at start. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} names a format this encoder writes. */
    public static boolean isFormat(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        return name.equals("json") || name.equals("text");
    }

    @Override
    public void start() {
        if (format.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            delegate = json;
        } else {
            if (!format.equals("text")) {
                addWarn("PIXFINO_LOG_FORMAT " + format + " is neither json nor text: writing text");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(TEXT_PATTERN);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
