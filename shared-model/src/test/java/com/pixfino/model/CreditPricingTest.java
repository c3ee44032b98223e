package com.pixfino.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditPricingTest {

    @Test
    void aPhotoSellsForOneDollarEight() {
        assertThat(CreditPricing.revenueUsd(CreditPricing.PHOTO_CREDITS)).isEqualByComparingTo("1.08");
    }

    @Test
    void marginIsRevenueLessCostOverRevenue() {
        // 4 credits = $1.08; a $0.04 image keeps (1.08 - 0.04) / 1.08 = 96.3 %
        assertThat(CreditPricing.marginPercent(4, new BigDecimal("0.04"))).isEqualByComparingTo("96.3");
        // 78 credits = $21.06; a $3.20 video keeps 84.8 %
        assertThat(CreditPricing.marginPercent(78, new BigDecimal("3.20"))).isEqualByComparingTo("84.8");
        assertThat(CreditPricing.marginPercent(4, new BigDecimal("2.16"))).isEqualByComparingTo("-100.0");
        assertThat(CreditPricing.marginPercent(0, BigDecimal.ONE)).isEqualByComparingTo("0");
    }

    @Test
    void balanceAfterNeverOverflowsSilently() {
        assertThat(CreditPricing.balanceAfter(10, 4)).isEqualTo(6);
        assertThat(CreditPricing.balanceAfter(3, 4)).isEqualTo(-1);
        assertThatThrownBy(() -> CreditPricing.balanceAfter(Integer.MIN_VALUE, 1))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void onlyPaidTiersArePaid() {
        assertThat(Tier.FREE.isPaid()).isFalse();
        assertThat(Tier.STARTER.isPaid()).isTrue();
        assertThat(Tier.PRO.monthlyPriceUsd()).isEqualByComparingTo("29.99");
        assertThat(Tier.BUSINESS.monthlyPriceUsd()).isEqualByComparingTo("79.99");
        assertThat(Tier.FREE.defaultMonthlyCredits()).isEqualTo(5);
    }
}
