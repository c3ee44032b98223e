package com.pixfino.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    // Source, 3 wide x 2 high:  a b c
    //                           d e f
    private static final int A = 0xA, B = 0xB, C = 0xC, D = 0xD, E = 0xE, F = 0xF;

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | 3 | a b c / d e f",
                "2 | 3 | c b a / f e d",
                "3 | 3 | f e d / c b a",
                "4 | 3 | d e f / a b c",
                "5 | 2 | a d / b e / c f",
                "6 | 2 | d a / e b / f c",
                "7 | 2 | f c / e b / d a",
                "8 | 2 | c f / b e / a d",
            })
    void turnsPixelsUpright(int orientation, int expectedWidth, String expectedRows) {
        BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[][] pixels = {{A, B, C}, {D, E, F}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                source.setRGB(x, y, pixels[y][x]);
            }
        }

        BufferedImage upright = ExifOrientation.apply(source, orientation);

        assertThat(upright.getWidth()).isEqualTo(expectedWidth);
        assertThat(rows(upright)).isEqualTo(expectedRows);
    }

    private static String rows(BufferedImage image) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            if (y > 0) {
                text.append(" / ");
            }
            for (int x = 0; x < image.getWidth(); x++) {
                if (x > 0) {
                    text.append(' ');
                }
                text.append((char) ('a' + (image.getRGB(x, y) & 0xFFFFFF) - 0xA));
            }
        }
        return text.toString();
    }
}
