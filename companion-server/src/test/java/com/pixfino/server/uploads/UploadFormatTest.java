package com.pixfino.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadFormatTest {

    @Test
    void recognisesMagicBytes() {
        assertThat(UploadFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(UploadFormat.JPEG);
        assertThat(UploadFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
                .contains(UploadFormat.PNG);
        assertThat(UploadFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(UploadFormat.WEBP);
    }

    @Test
    void rejectsLookalikesAndShortInput() {
        assertThat(UploadFormat.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(UploadFormat.sniff(ascii("GIF89a"))).isEmpty();
        assertThat(UploadFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(UploadFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(UploadFormat.sniff(new byte[0])).isEmpty();
    }

    @Test
    void webpIsStoredAsPng() {
        assertThat(UploadFormat.WEBP.storedContentType()).isEqualTo("image/png");
        assertThat(UploadFormat.WEBP.storedExtension()).isEqualTo("png");
        assertThat(UploadFormat.JPEG.storedExtension()).isEqualTo("jpg");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
