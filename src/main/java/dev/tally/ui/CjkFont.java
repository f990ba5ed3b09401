package dev.tally.ui;

import dev.tally.core.Language;
import dev.tally.core.Messages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The font for Chinese text: in Simplified Chinese the windows name a Simplified Chinese font family, the first of
 * {@link #CHAIN} that is installed, as the root's {@code -fx-font-family}; in English they keep the theme's font.
 *
 * <p>Why not leave it to the system font: JavaFX's "System" font finds CJK glyphs through fontconfig's fallback
 * list, which is sorted for the process's locale, so with {@code TALLY_LANG=zh-CN} (or the setting) on an English or
 * {@code C.UTF-8} desktop the first CJK font is Noto Sans CJK <em>JP</em>, whose glyphs are the Japanese forms of
 * the shared characters (户, 说, 骨 look foreign to a Chinese reader). And JavaFX's CSS reads only the first family
 * of a {@code -fx-font-family} list (a missing first family gives the system font, the rest is ignored), so a CSS
 * fallback chain cannot say "this font, else that one": the chain is tried here, in code. The chosen fonts carry
 * Latin glyphs too, so English words and amounts in a Chinese window stay readable. Without any of them (a stock
 * desktop with no CJK font) the system font is kept; CI installs {@code fonts-noto-cjk} (.ci/run).
 *
 * <p>{@link #choose} is pure; {@link #stylesheet()} asks the toolkit for the installed families once (FX thread).
 */
public final class CjkFont {
    /** Simplified Chinese sans-serif families, best first: Linux (Noto/Source Han, WenQuanYi), Windows, macOS. */
    public static final List<String> CHAIN = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
            "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "Microsoft YaHei UI",
            "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Droid Sans Fallback");

    private static volatile Optional<String> chosen;

    private CjkFont() {
    }

    /** The family for {@code language} among {@code installed}; empty for English or when none is installed. */
    public static Optional<String> choose(Language language, Collection<String> installed) {
        if (language != Language.SIMPLIFIED_CHINESE) {
            return Optional.empty();
        }
        return CHAIN.stream().filter(installed::contains).findFirst();
    }

    /** The root rule naming {@code family}: {@code .root { -fx-font-family: "Noto Sans CJK SC"; }}. */
    public static String css(String family) {
        return ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }\n";
    }

    /**
     * A stylesheet (a {@code data:} URL) that sets the Chinese font on a scene's root, for the current language;
     * empty in English or without a Chinese font. FX thread (the first call lists the installed fonts).
     */
    public static Optional<String> stylesheet() {
        Optional<String> family = chosen;
        if (family == null) {
            family = choose(Language.SIMPLIFIED_CHINESE, javafx.scene.text.Font.getFamilies());
            chosen = family;
        }
        if (Messages.language() != Language.SIMPLIFIED_CHINESE) {
            return Optional.empty();
        }
        return family.map(f -> "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css(f).getBytes(StandardCharsets.UTF_8)));
    }
}
