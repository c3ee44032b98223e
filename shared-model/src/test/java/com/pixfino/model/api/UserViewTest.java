package com.pixfino.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserViewTest {

    @Test
    void aPushedBalanceKeepsTheReferralFactsAndThePendingAddress() {
        UserView read = new UserView(
                UUID.randomUUID(),
                "ada@example.com",
                "Ada",
                Role.USER,
                Tier.FREE,
                12,
                null,
                false,
                true,
                "K7PQ2MWX",
                "https://pixfino.example/join?ref=K7PQ2MWX",
                "ada@new.example");

        UserView pushed = read.withBalance(3, true);

        assertThat(pushed.credits()).isEqualTo(3);
        assertThat(pushed.lowBalance()).isTrue();
        assertThat(pushed)
                .usingRecursiveComparison()
                .ignoringFields("credits", "lowBalance")
                .isEqualTo(read);
    }
}
