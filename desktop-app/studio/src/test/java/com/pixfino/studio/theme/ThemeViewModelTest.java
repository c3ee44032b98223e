package com.pixfino.studio.theme;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ThemeViewModelTest {

    @Test
    void darkSwitchAndRememberedModeStayInStep() {
        ObjectProperty<ThemeMode> mode = new SimpleObjectProperty<>(ThemeMode.LIGHT);
        ThemeViewModel vm = new ThemeViewModel(mode);

        vm.darkProperty().set(true);
        assertThat(mode.get()).isEqualTo(ThemeMode.DARK);

        vm.toggle();
        assertThat(vm.darkProperty().get()).isFalse();
        assertThat(mode.get()).isEqualTo(ThemeMode.LIGHT);
    }
}
