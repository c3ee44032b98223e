package com.pixfino.server.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfReferralTest {

    @Test
    void theSameAddressOnceLowerCasedAndWithoutItsPlusTagIsSelfReferral() {
        assertThat(SelfReferral.of("foo@mail.com", "Foo+x@Mail.com", null, null))
                .isTrue();
        assertThat(SelfReferral.of("Foo+a@mail.com", "foo+b@MAIL.com", null, null))
                .isTrue();
        assertThat(SelfReferral.of("foo@mail.com", "foo@mail.org", null, null)).isFalse();
        assertThat(SelfReferral.of("foo@mail.com", "food@mail.com", null, null)).isFalse();
        // a plus in the domain is not a tag
        assertThat(SelfReferral.canonical("a+b@c+d.com")).isEqualTo("a@c+d.com");
    }

    @Test
    void theSameStripeCustomerIsSelfReferralWhateverTheAddresses() {
        assertThat(SelfReferral.of("a@mail.com", "b@mail.com", "cus_123", "cus_123"))
                .isTrue();
        assertThat(SelfReferral.of("a@mail.com", "b@mail.com", "cus_123", "cus_456"))
                .isFalse();
        assertThat(SelfReferral.of("a@mail.com", "b@mail.com", null, null))
                .as("no customer on either side is no evidence")
                .isFalse();
    }

    @Test
    void codesUseOnlyTheUnambiguousAlphabetAndAreReadInAnyCase() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ReferralCodes.random())
                    .hasSize(8)
                    .doesNotContainPattern("[01OIL]")
                    .matches("[2-9A-Z]{8}");
        }
        assertThat(ReferralCodes.normalised("  abcd2345 ")).contains("ABCD2345");
        assertThat(ReferralCodes.normalised("   ")).isEmpty();
        assertThat(ReferralCodes.normalised("ABCD234O"))
                .as("an O is never in a code")
                .contains("");
        assertThat(ReferralCodes.normalised("ABC")).contains("");
    }
}
