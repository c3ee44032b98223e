package com.pixfino.studio.core.photo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileSizeTest {

    @Test
    void smallFilesAreShownInKilobytesNotAsZeroMegabytes() {
        assertThat(FileSize.readable(512)).isEqualTo("512 B");
        assertThat(FileSize.readable(37_255)).isEqualTo("36 KB");
        assertThat(FileSize.readable(4_404_019)).isEqualTo("4.2 MB");
    }
}
