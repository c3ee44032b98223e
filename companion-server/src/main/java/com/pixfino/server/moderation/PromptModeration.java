package com.pixfino.server.moderation;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.generation.PromptScreen;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The create's prompt screen: a prompt or negative prompt that hits the banned-word list is refused with a 400
 * {@code prompt_rejected} before anything is charged or created, and a flag records who tried what.
 */
public record PromptModeration(ModerationWordList words, ModerationFlags flags) implements PromptScreen {

    /** Says what happened and what to do, never which words matched: the list is not for users to probe. */
    static final String REFUSAL = "This prompt cannot be used: it goes against the content rules. Nothing was"
            + " charged; reword it and try again.";

    @Override
    public void screen(UUID userId, String prompt, String negativePrompt) {
        BannedWords banned = words.banned();
        List<String> inPrompt = banned.matches(prompt);
        List<String> inNegative = banned.matches(negativePrompt);
        if (inPrompt.isEmpty() && inNegative.isEmpty()) {
            return;
        }
        Set<String> matched = new LinkedHashSet<>(inPrompt);
        matched.addAll(inNegative);
        List<String> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (!inPrompt.isEmpty()) {
            fields.add("prompt");
            text.append(prompt);
        }
        if (!inNegative.isEmpty()) {
            fields.add("negative prompt");
            text.append(text.length() == 0 ? "" : "\n")
                    .append("Negative prompt: ")
                    .append(negativePrompt);
        }
        flags.promptRefused(
                userId,
                text.toString(),
                List.copyOf(matched),
                "Refused at create: the " + String.join(" and the ", fields) + " matched the banned-word list.");
        throw DomainException.invalid("prompt_rejected", REFUSAL);
    }
}
