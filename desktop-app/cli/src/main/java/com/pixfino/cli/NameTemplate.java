package com.pixfino.cli;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a --name template before the batch starts: only the known placeholders, and a path inside the output. */
final class NameTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("path", "name", "preset", "ext");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private NameTemplate() {}

    static String check(String template) {
        String hint = " Use the placeholders {path}, {name}, {preset} and {ext}, e.g. the default "
                + "{path}/{name}-{preset}.{ext}.";
        if (template == null || template.isBlank()) {
            throw CommandFailure.usage("--name must not be empty." + hint);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw CommandFailure.usage("--name has an unknown placeholder {" + matcher.group(1) + "}." + hint);
            }
            matcher.appendReplacement(rest, "x");
        }
        matcher.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw CommandFailure.usage("--name has an unmatched brace: " + template + "." + hint);
        }
        if (!template.endsWith(".{ext}")) {
            throw CommandFailure.usage("--name must end with .{ext}, so every result keeps its type." + hint);
        }
        String path = template.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw CommandFailure.usage("--name must be relative: results are written inside --output." + hint);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw CommandFailure.usage("--name must not contain '..': results stay inside --output." + hint);
            }
        }
        return template;
    }
}
