package com.pixfino.server.providers.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** Recipe JSON for the preset looks the tests exercise, keyed by a preset-like slug. */
final class LookRecipes {

    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("snow-princess", """
                {"aspect":"4:5","temperature":-0.35,"tint":0.05,"saturation":0.9,"curve":"high-key",
                 "bloom":0.35,"blur":0.25,"tone":"#cfe3ff","toneStrength":0.35,"vignette":0.1}""");
        ALL.put("red-carpet", """
                {"aspect":"2:3","temperature":0.15,"saturation":0.9,"contrast":1.15,"curve":"crush",
                 "vignette":0.6,"frame":"gold","sharpen":0.3}""");
        ALL.put("cyberpunk", """
                {"aspect":"9:16","duotone":["#ff00aa","#00e5ff"],"contrast":1.2,"frame":"neon",
                 "frameColor":"#00e5ff","grain":0.35,"bloom":0.3}""");
        ALL.put("linkedin-headshot", """
                {"aspect":"4:5","temperature":0.15,"curve":"s-curve","contrast":1.05,"sharpen":0.35,"vignette":0.15}""");
        ALL.put("product-white", """
                {"aspect":"1:1","frame":"studio-white","background":"#ffffff","brightness":0.1,"sharpen":0.4,
                 "saturation":1.1}""");
        ALL.put("product-blush", """
                {"aspect":"4:5","frame":"studio-white","background":"#f4d6c6","contrast":1.1,"sharpen":0.5}""");
        ALL.put("noir", """
                {"aspect":"3:4","saturation":0,"curve":"crush","contrast":1.3,"grain":0.5,"vignette":0.5}""");
        ALL.put("vintage", """
                {"aspect":"1:1","curve":"fade","temperature":0.35,"saturation":0.75,"grain":0.4,"frame":"polaroid",
                 "vignette":0.3}""");
        ALL.put("film-strip", """
                {"aspect":"16:9","frame":"film","curve":"fade","temperature":0.1,"tint":-0.1,"saturation":0.9,
                 "grain":0.3}""");
        ALL.put("pop-art", """
                {"aspect":"1:1","posterize":4,"saturation":1.8,"contrast":1.3,"frame":"thin-white"}""");
        ALL.put("dreamy-pastel", """
                {"aspect":"4:5","brightness":0.25,"saturation":0.6,"tint":0.2,"curve":"fade","blur":0.5,"bloom":0.4,
                 "tone":"#ffd1e8","toneStrength":0.4}""");
        ALL.put("golden-hour", """
                {"aspect":"16:9","temperature":0.7,"tint":0.1,"bloom":0.5,"saturation":1.2,"vignette":0.35}""");
        ALL.put("sepia", """
                {"aspect":"3:4","duotone":["#2b1a0e","#f3e0c0"],"curve":"fade","grain":0.3,"frame":"thin-white"}""");
        ALL.put("enchanted-forest", """
                {"aspect":"4:5","temperature":-0.2,"tint":-0.35,"saturation":1.4,"curve":"s-curve","bloom":0.35,
                 "vignette":0.4}""");
        ALL.put("teal-orange", """
                {"aspect":"16:9","temperature":0.2,"tone":"#008080","toneStrength":0.4,"contrast":1.2,
                 "curve":"s-curve","vignette":0.3}""");
    }

    private LookRecipes() {}
}
