package com.pixfino.studio.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The studio's stylesheet parses without an error: JavaFX only logs a warning for a broken rule and drops every rule
 * after it, so a lost brace (two feature blocks merged at the file's end) silently unstyles whole screens.
 */
class StylesheetTest {

    @Test
    void theStudioStylesheetParsesWithoutAnError() throws Exception {
        URL css = StylesheetTest.class.getResource("/com/pixfino/studio/studio.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();

        Stylesheet sheet = new CssParser().parse(css);

        List<String> errors =
                CssParser.errorsProperty().stream().map(Object::toString).collect(Collectors.toList());
        assertThat(errors).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(200);
    }
}
