package com.pixfino.server.generation;

import java.util.UUID;

/** Checks a create's prompts before anything is charged; a refused prompt throws and creates nothing. */
@FunctionalInterface
public interface PromptScreen {

    /** Every prompt passes. */
    PromptScreen NONE = (userId, prompt, negativePrompt) -> {};

    /**
     * @param prompt         the prompt the generation would run with (the request's, or its style's), or null
     * @param negativePrompt likewise, or null
     * @throws com.pixfino.server.domain.DomainException a 400 {@code prompt_rejected} when either breaks the rules
     */
    void screen(UUID userId, String prompt, String negativePrompt);
}
