package dev.tally.tray;

import dev.tally.status.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrayIconRendererTest {

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    private static int red(int argb) {
        return (argb >>> 16) & 0xFF;
    }

    private static int green(int argb) {
        return (argb >>> 8) & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    private static int luminance(int argb) {
        return (299 * red(argb) + 587 * green(argb) + 114 * blue(argb)) / 1000;
    }

    private static boolean near(int argb, int expected) {
        return alpha(argb) == 255 && Math.abs(red(argb) - red(expected)) <= 8
                && Math.abs(green(argb) - green(expected)) <= 8 && Math.abs(blue(argb) - blue(expected)) <= 8;
    }

    /** The pixel at (x, y) of a square image of {@code size}. */
    private static int at(int[] img, int size, int x, int y) {
        return img[y * size + x];
    }

    @Test
    void everyStateHasItsOwnClearlyDifferentColour() {
        Set<Integer> colours = new HashSet<>();
        for (State s : State.values()) {
            colours.add(TrayIconRenderer.fill(s));
        }
        assertEquals(State.values().length, colours.size());
        for (State a : State.values()) {
            for (State b : State.values()) {
                if (a != b) {
                    int x = TrayIconRenderer.fill(a);
                    int y = TrayIconRenderer.fill(b);
                    int distance = Math.abs(red(x) - red(y)) + Math.abs(green(x) - green(y))
                            + Math.abs(blue(x) - blue(y));
                    assertTrue(distance > 60, a + " and " + b + " look alike");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 22, 24, 32, 48, 64})
    void theDiscShowsTheStateColourAndAHighContrastOutline(int size) {
        for (State state : State.values()) {
            int[] img = TrayIconRenderer.argb(state, size);
            assertEquals(size * size, img.length);
            assertEquals(0, alpha(at(img, size, 0, 0)), "corners are transparent so the panel shows through");

            int c = size / 2;
            int firstOpaque = -1;
            for (int y = 0; y < c; y++) {
                if (alpha(at(img, size, c, y)) > 0) {
                    firstOpaque = y;
                    break;
                }
            }
            assertEquals(0, firstOpaque, state + "@" + size + ": the disc reaches the edge");
            int edge = at(img, size, c, 0);
            assertTrue(alpha(edge) >= 220, state + "@" + size + ": outline pixel is opaque, alpha " + alpha(edge));
            assertTrue(luminance(edge) < 60, state + "@" + size + ": outline is dark for light panels");

            int ring = TrayIconRenderer.ringWidth(size);
            int white = at(img, size, c, ring);
            assertTrue(luminance(white) > 200 && alpha(white) == 255,
                    state + "@" + size + ": a light ring inside the outline for dark panels");

            int filled = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    filled += near(at(img, size, x, y), TrayIconRenderer.fill(state)) ? 1 : 0;
                }
            }
            assertTrue(filled >= size * size * 0.1,
                    state + "@" + size + ": at least a tenth of the icon shows the state colour, got " + filled);
        }
    }

    @Test
    void theGlyphMakesStatesDistinctWithoutColour() {
        Set<String> shapes = new HashSet<>();
        for (State state : State.values()) {
            int[] img = TrayIconRenderer.argb(state, 32);
            int glyph = TrayIconRenderer.glyph(state);
            StringBuilder mask = new StringBuilder();
            for (int y = 8; y < 24; y++) {
                for (int x = 8; x < 24; x++) {
                    mask.append(near(at(img, 32, x, y), glyph) ? '#' : '.');
                }
            }
            assertTrue(mask.indexOf("#") >= 0, state + " has a glyph");
            shapes.add(mask.toString());
        }
        assertEquals(State.values().length, shapes.size());
    }

    /** Renders every state at every size, as the StatusNotifierItem tray sends them; for a child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            for (State state : State.values()) {
                if (SniTrayBackend.pixmaps(state).size() != SniTrayBackend.ICON_SIZES.size()) {
                    System.exit(2);
                }
            }
        }
    }

    @Test
    void theStatusNotifierIconsLoadNoneOfAwtSoTheIdleWidgetStaysSmall() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains(" dev.tally.tray.TrayIconRenderer "), "the probe drew the icons");
        List<String> awt = log.lines().filter(l -> l.contains(" java.awt.") || l.contains(" sun.java2d.")
                || l.contains(" sun.awt.")).toList();
        assertEquals(List.of(), awt, "the icon pixels for D-Bus need no AWT or Java2D class");
    }

    @Test
    void sizesOutsideWhatTraysUseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrayIconRenderer.argb(State.OK, 8));
        assertThrows(IllegalArgumentException.class, () -> TrayIconRenderer.argb(State.OK, 65));
    }
}
