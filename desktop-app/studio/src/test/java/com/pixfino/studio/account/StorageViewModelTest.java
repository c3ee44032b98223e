package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.settings.OriginalsCache;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.InMemoryLibrary;
import java.util.Locale;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;

class StorageViewModelTest {

    private static final long GB = 1024L * 1024 * 1024;

    private final InMemoryLibrary library = new InMemoryLibrary();
    private final LongProperty cap = new SimpleLongProperty(OriginalsCache.DEFAULT_CAP_BYTES);
    private final StorageViewModel storage =
            new StorageViewModel(new CurrentThreadTaskExecutor(), library, cap, Messages.load(Locale.ROOT));

    @Test
    void theCapIsReadInGigabytesWithOneDecimalAndRefusedOutsideHalfAGigabyteToAHundred() {
        assertThat(storage.capGigabytes()).isEqualTo(2.0);
        assertThat(storage.parseCap("2,5")).contains(2.5);
        assertThat(storage.parseCap(" 3.46 GB ")).contains(3.5);
        assertThat(storage.parseCap("100")).contains(100.0);
        assertThat(storage.capErrorProperty().get()).isEmpty();

        assertThat(storage.parseCap("0.4")).isEmpty();
        assertThat(storage.capErrorProperty().get())
                .isEqualTo("Enter a size from 0.5 to 100 GB; \u201c0.4\u201d is not one. The size stays as it was.");
        assertThat(storage.parseCap("100.1")).isEmpty();
        assertThat(storage.parseCap("")).isEmpty();
        assertThat(storage.parseCap("NaN")).isEmpty();
        assertThat(storage.parseCap("much")).isEmpty();
        assertThat(storage.capErrorProperty().get()).contains("\u201cmuch\u201d");
        assertThat(cap.get()).as("a refused value changes nothing").isEqualTo(2 * GB);

        storage.editingCap();
        assertThat(storage.capErrorProperty().get()).isEmpty();
        storage.setCap(0.5);
        assertThat(cap.get()).isEqualTo(512L * 1024 * 1024);
        storage.setCap(12.3);
        assertThat(storage.capGigabytes()).isEqualTo(12.3);
    }

    @Test
    void theUsageIsMeasuredAfterEveryChangeAndClearingEmptiesIt() {
        library.keepOriginals(312L * 1024 * 1024);
        storage.refresh();
        assertThat(storage.usageProperty().get()).isEqualTo("Originals on this computer: 312 MB");

        library.keepOriginals(100L * 1024 * 1024);
        storage.setCap(1.0); // a smaller cap evicts: measured again
        assertThat(storage.usageProperty().get()).isEqualTo("Originals on this computer: 100 MB");

        storage.clearOriginals();
        assertThat(storage.usageProperty().get()).isEqualTo("Originals on this computer: 0 KB");
        assertThat(storage.noticeProperty().get()).isEqualTo("Cleared 100 MB of originals.");
        assertThat(storage.busyProperty().get()).isFalse();
        assertThat(StorageViewModel.readable(3L * GB / 2)).isEqualTo("1.5 GB");
        assertThat(StorageViewModel.readable(840 * 1024)).isEqualTo("840 KB");
    }
}
