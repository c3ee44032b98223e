package com.pixfino.studio.core.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PixelScalerTest {

    @ParameterizedTest
    @EnumSource(PixelScaler.Filter.class)
    void keepsFlatColourExactlyAndHitsTheSizeAsked(PixelScaler.Filter filter) {
        byte[] flat = new byte[301 * 203 * 3];
        for (int i = 0; i < flat.length; i += 3) {
            flat[i] = 10;
            flat[i + 1] = (byte) 128;
            flat[i + 2] = (byte) 250;
        }

        Pixels out = new PixelScaler(filter).scale(new Pixels(flat, 301, 203, 3), 97, 65);

        assertThat(out.width()).isEqualTo(97);
        assertThat(out.height()).isEqualTo(65);
        for (int i = 0; i < out.data().length; i += 3) {
            assertThat(new int[] {out.data()[i], out.data()[i + 1] & 0xFF, out.data()[i + 2] & 0xFF})
                    .containsExactly(10, 128, 250);
        }
    }

    @ParameterizedTest
    @EnumSource(PixelScaler.Filter.class)
    void averagesFineDetailInsteadOfAliasingIt(PixelScaler.Filter filter) {
        // one-pixel black and white stripes both ways: picking pixels would give black or white, averaging gives grey
        byte[] stripes = new byte[400 * 300];
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                stripes[y * 400 + x] = (byte) (((x + y) & 1) == 0 ? 0 : 255);
            }
        }

        Pixels out = new PixelScaler(filter).scale(new Pixels(stripes, 400, 300, 1), 123, 92);

        int[] values = new int[out.data().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.data()[i] & 0xFF;
        }
        assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThan(100);
        assertThat(Arrays.stream(values).max().orElseThrow()).isLessThan(156);
    }
}
