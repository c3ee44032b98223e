package com.pixfino.server.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.providers.local.RenderRecipe.Aspect;
import com.pixfino.server.providers.local.RenderRecipe.Curve;
import com.pixfino.server.providers.local.RenderRecipe.Duotone;
import com.pixfino.server.providers.local.RenderRecipe.FrameStyle;
import com.pixfino.server.providers.local.RenderRecipe.Motion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenderRecipeTest {

    @Test
    void missingFieldsAreNeutral() {
        assertThat(RenderRecipe.fromJson("{}")).isEqualTo(RenderRecipe.NEUTRAL);
        assertThat(RenderRecipe.fromJson("  ")).isEqualTo(RenderRecipe.NEUTRAL);
        assertThat(RenderRecipe.fromJson(null)).isEqualTo(RenderRecipe.NEUTRAL);
        assertThat(RenderRecipe.fromJson("{\"temperature\":null}")).isEqualTo(RenderRecipe.NEUTRAL);
    }

    @Test
    void readsEveryField() {
        RenderRecipe r = RenderRecipe.fromJson("""
                {"aspect":"9:16","temperature":0.4,"tint":-0.2,"saturation":1.3,"contrast":0.8,"brightness":0.1,
                 "curve":"s-curve","vignette":0.5,"grain":0.2,"blur":0.3,"bloom":0.4,"sharpen":0.6,
                 "duotone":["#112233","#AABBCC"],"tone":"#ff8800","toneStrength":0.25,"posterize":5,
                 "frame":"studio-white","frameColor":"#00ff00","background":"#fafafa",
                 "motion":"pan-left","seconds":3,"fps":24}""");
        assertThat(r)
                .isEqualTo(new RenderRecipe(
                        Aspect.PORTRAIT_9_16,
                        0.4,
                        -0.2,
                        1.3,
                        0.8,
                        0.1,
                        Curve.S_CURVE,
                        0.5,
                        0.2,
                        0.3,
                        0.4,
                        0.6,
                        new Duotone(0x112233, 0xaabbcc),
                        0xff8800,
                        0.25,
                        5,
                        FrameStyle.STUDIO_WHITE,
                        0x00ff00,
                        0xfafafa,
                        Motion.PAN_LEFT,
                        3,
                        24));
    }

    @Test
    void clampsOutOfRangeNumbers() {
        RenderRecipe r = RenderRecipe.fromJson("""
                {"temperature":5,"tint":-9,"saturation":-1,"contrast":7,"brightness":2,"vignette":1.5,
                 "grain":-0.5,"blur":3,"bloom":2,"sharpen":-1,"toneStrength":4,"seconds":60,"fps":240}""");
        assertThat(r.temperature()).isEqualTo(1);
        assertThat(r.tint()).isEqualTo(-1);
        assertThat(r.saturation()).isZero();
        assertThat(r.contrast()).isEqualTo(2);
        assertThat(r.brightness()).isEqualTo(1);
        assertThat(r.vignette()).isEqualTo(1);
        assertThat(r.grain()).isZero();
        assertThat(r.blur()).isEqualTo(1);
        assertThat(r.bloom()).isEqualTo(1);
        assertThat(r.sharpen()).isZero();
        assertThat(r.toneStrength()).isEqualTo(1);
        assertThat(r.seconds()).isEqualTo(5);
        assertThat(r.fps()).isEqualTo(30);
        assertThat(RenderRecipe.fromJson("{\"seconds\":1}").seconds()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"-3, 0", "0, 0", "1, 2", "2, 2", "6, 6", "8, 8", "20, 8"})
    void posterizeIsOffOrTwoToEightLevels(int given, int expected) {
        assertThat(RenderRecipe.fromJson("{\"posterize\":" + given + "}").posterize())
                .isEqualTo(expected);
    }

    @Test
    void ignoresUnknownFields() {
        assertThat(RenderRecipe.fromJson("{\"sparkle\":true,\"notes\":{\"a\":1},\"grain\":0.2}")
                        .grain())
                .isEqualTo(0.2);
    }

    @Test
    void everyLookInTheTestBookParses() {
        LookRecipes.ALL.forEach(
                (name, json) -> assertThat(RenderRecipe.fromJson(json)).as(name).isNotNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"aspect\":", "{aspect: 1}", "[1,2", "{\"a\":1}}", "not json"})
    void rejectsMalformedJson(String json) {
        assertThatThrownBy(() -> RenderRecipe.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipe");
    }

    @Test
    void rejectsANonObjectRoot() {
        assertThatThrownBy(() -> RenderRecipe.fromJson("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "aspect     | {\"aspect\":\"5:4\"}",
                "curve      | {\"curve\":\"wavy\"}",
                "frame      | {\"frame\":\"hexagon\"}",
                "motion     | {\"motion\":\"spin\"}",
                "curve      | {\"curve\":\"S-CURVE\"}",
                "temperature| {\"temperature\":\"warm\"}",
                "posterize  | {\"posterize\":\"lots\"}",
                "duotone    | {\"duotone\":[\"#ffffff\"]}",
                "duotone    | {\"duotone\":[\"#ffffff\",\"blue\"]}",
                "tone       | {\"tone\":\"red\"}",
                "frameColor | {\"frameColor\":\"#12345\"}",
                "background | {\"background\":42}",
                "aspect     | {\"aspect\":1.5}"
            })
    void rejectsBadValuesNamingTheField(String field, String json) {
        assertThatThrownBy(() -> RenderRecipe.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + field + "'");
    }

    @Test
    void unknownEnumMessageListsTheAllowedValues() {
        assertThatThrownBy(() -> RenderRecipe.fromJson("{\"frame\":\"hexagon\"}"))
                .hasMessageContaining("hexagon")
                .hasMessageContaining("studio-white");
    }
}
