package dev.tally.tray;

import dev.tally.status.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrayIconRendererTest {

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    private static int luminance(int argb) {
        Color c = new Color(argb, true);
        return (299 * c.getRed() + 587 * c.getGreen() + 114 * c.getBlue()) / 1000;
    }

    private static boolean near(int argb, Color expected) {
        Color c = new Color(argb, true);
        return c.getAlpha() == 255 && Math.abs(c.getRed() - expected.getRed()) <= 8
                && Math.abs(c.getGreen() - expected.getGreen()) <= 8 && Math.abs(c.getBlue() - expected.getBlue()) <= 8;
    }

    @Test
    void everyStateHasItsOwnClearlyDifferentColour() {
        Set<Integer> colours = new HashSet<>();
        for (State s : State.values()) {
            colours.add(TrayIconRenderer.fill(s).getRGB());
        }
        assertEquals(State.values().length, colours.size());
        for (State a : State.values()) {
            for (State b : State.values()) {
                if (a != b) {
                    Color x = TrayIconRenderer.fill(a);
                    Color y = TrayIconRenderer.fill(b);
                    int distance = Math.abs(x.getRed() - y.getRed()) + Math.abs(x.getGreen() - y.getGreen())
                            + Math.abs(x.getBlue() - y.getBlue());
                    assertTrue(distance > 60, a + " and " + b + " look alike");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 22, 24, 32, 48, 64})
    void theDiscShowsTheStateColourAndAHighContrastOutline(int size) {
        for (State state : State.values()) {
            BufferedImage img = TrayIconRenderer.render(state, size);
            assertEquals(size, img.getWidth());
            assertEquals(size, img.getHeight());
            assertEquals(0, alpha(img.getRGB(0, 0)), "corners are transparent so the panel shows through");

            int c = size / 2;
            int firstOpaque = -1;
            for (int y = 0; y < c; y++) {
                if (alpha(img.getRGB(c, y)) > 0) {
                    firstOpaque = y;
                    break;
                }
            }
            assertEquals(0, firstOpaque, state + "@" + size + ": the disc reaches the edge");
            int edge = img.getRGB(c, 0);
            assertTrue(alpha(edge) >= 220, state + "@" + size + ": outline pixel is opaque, alpha " + alpha(edge));
            assertTrue(luminance(edge) < 60, state + "@" + size + ": outline is dark for light panels");

            int ring = TrayIconRenderer.ringWidth(size);
            int white = img.getRGB(c, ring);
            assertTrue(luminance(white) > 200 && alpha(white) == 255,
                    state + "@" + size + ": a light ring inside the outline for dark panels");

            int filled = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    filled += near(img.getRGB(x, y), TrayIconRenderer.fill(state)) ? 1 : 0;
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
            BufferedImage img = TrayIconRenderer.render(state, 32);
            Color glyph = TrayIconRenderer.glyph(state);
            StringBuilder mask = new StringBuilder();
            for (int y = 8; y < 24; y++) {
                for (int x = 8; x < 24; x++) {
                    mask.append(near(img.getRGB(x, y), glyph) ? '#' : '.');
                }
            }
            assertTrue(mask.indexOf("#") >= 0, state + " has a glyph");
            shapes.add(mask.toString());
        }
        assertEquals(State.values().length, shapes.size());
    }

    @Test
    void sizesOutsideWhatTraysUseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrayIconRenderer.render(State.OK, 8));
        assertThrows(IllegalArgumentException.class, () -> TrayIconRenderer.render(State.OK, 65));
    }
}
