package com.pixfino.studio.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.account.PasswordRules.Problem;
import org.junit.jupiter.api.Test;

/** The same rules the server applies at sign-up, reset and change. */
class PasswordRulesTest {

    @Test
    void aGoodPasswordPasses() {
        assertThat(PasswordRules.check("Harbour-Light-77", "ana@example.com")).isEmpty();
    }

    @Test
    void eachRuleIsNamed() {
        assertThat(PasswordRules.check("Short-1", "")).contains(Problem.TOO_SHORT);
        assertThat(PasswordRules.check("a1".repeat(65), "")).contains(Problem.TOO_LONG);
        assertThat(PasswordRules.check("onlyletterswords", "")).contains(Problem.NO_MIX);
        assertThat(PasswordRules.check("1234567890", "")).contains(Problem.NO_MIX);
        assertThat(PasswordRules.check("ab1ab1ab1ab1", "")).contains(Problem.REPEATS);
        assertThat(PasswordRules.check("my-Marta-2026!", "marta@example.com")).contains(Problem.CONTAINS_EMAIL_NAME);
        assertThat(PasswordRules.check("my-Ana-2026!xy", "ana@example.com"))
                .as("a local part under 4 characters does not count")
                .isEmpty();
    }
}
