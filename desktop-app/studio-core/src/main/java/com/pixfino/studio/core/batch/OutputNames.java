package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.i18n.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming template: {@code {path}} the file's folder relative to the input (empty at the top), {@code {name}} its
 * name without extension, {@code {preset}} the preset slug, {@code {ext}} the result's extension. Results always stay
 * inside the output folder.
 */
final class OutputNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> KNOWN = Set.of("path", "name", "preset", "ext");

    private OutputNames() {}

    /** Refuses a template that is empty, unknown or could leave the output folder, saying why. */
    static void validate(String template, Messages messages) throws BatchRequestException {
        String problem = problem(template, messages);
        if (problem != null) {
            throw new BatchRequestException(messages.get("batch.refused.template", template, problem));
        }
    }

    private static String problem(String template, Messages messages) {
        if (template == null || template.isBlank()) {
            return messages.get("batch.template.empty");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                return messages.get("batch.template.unknown", m.group());
            }
        }
        String t = template.replace('\\', '/');
        if (t.startsWith("/") || t.startsWith("~") || t.matches("^[A-Za-z]:.*")) {
            return messages.get("batch.template.escapes");
        }
        for (String part : t.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return messages.get("batch.template.escapes");
            }
        }
        if (!template.endsWith(".{ext}")) {
            return messages.get("batch.template.noExt");
        }
        return null;
    }

    /** The result's path relative to the output folder, '/'-separated, without empty segments. */
    static String render(String template, String file, String preset, String ext) {
        int slash = file.lastIndexOf('/');
        String folder = slash < 0 ? "" : file.substring(0, slash);
        String base = file.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        // one pass, so a file named "{preset}.jpg" stays itself instead of being substituted again
        Map<String, String> values = Map.of("path", folder, "name", name, "preset", preset, "ext", ext);
        Matcher m = PLACEHOLDER.matcher(template.replace('\\', '/'));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        String rendered = out.toString();
        return rendered.replaceAll("/{2,}", "/").replaceAll("^/+", "");
    }

    /** {@code a/x-snow.jpg}, 2 → {@code a/x-snow-2.jpg}. */
    static String numbered(String relative, int n) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        if (dot <= slash + 1) {
            return relative + "-" + n;
        }
        return relative.substring(0, dot) + "-" + n + relative.substring(dot);
    }

    /** The extension of a result of {@code contentType}. */
    static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/png")) {
            return "png";
        }
        if (type.startsWith("image/webp")) {
            return "webp";
        }
        if (type.startsWith("video/")) {
            return "mp4";
        }
        return "jpg";
    }

    /** Case-folded, for comparing names on file systems that ignore case. */
    static String claimKey(String relative) {
        return relative.toLowerCase(Locale.ROOT);
    }
}
