package dev.tally.tray;

import dev.tally.status.State;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws the tray icon for a {@link State}: a coloured disc with a dark outer ring (seen on light
 * panels) and a white inner ring (seen on dark panels), and a simple glyph so the state does not depend on
 * colour alone: a tick (OK), a down arrow (LOW), a single slash (EMPTY, on a deeper red), a cross (ERROR), clock
 * hands (STALE), a dash (NO_DATA).
 *
 * <p>Works off-screen: needs no display and no tray, so it also runs with {@code java.awt.headless=true}.
 * Stateless and thread-safe.
 */
public final class TrayIconRenderer {
    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 64;
    /** The outer ring, dark enough to stand out on light panels. */
    public static final Color OUTLINE = new Color(0x1A, 0x1A, 0x1A);
    /** The inner ring, standing out on dark panels. */
    public static final Color RING = Color.WHITE;

    private TrayIconRenderer() {
    }

    /** The disc colour of a state; every state has its own. */
    public static Color fill(State state) {
        return switch (state) {
            case OK -> new Color(0x1E, 0x8E, 0x3E);
            case LOW -> new Color(0xF2, 0xA6, 0x00);
            case EMPTY -> new Color(0xA8, 0x1C, 0x1C);
            case ERROR -> new Color(0xD9, 0x30, 0x25);
            case STALE -> new Color(0x4A, 0x6F, 0xA5);
            case NO_DATA -> new Color(0x9A, 0xA0, 0xA6);
        };
    }

    /** The glyph colour: dark on the light discs (amber, grey), white on the others. */
    static Color glyph(State state) {
        return state == State.LOW || state == State.NO_DATA ? OUTLINE : Color.WHITE;
    }

    /**
     * A {@code size}×{@code size} ARGB image, transparent outside the disc.
     *
     * @param size edge in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @throws IllegalArgumentException when {@code size} is out of range
     */
    public static BufferedImage render(State state, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("icon size must be " + MIN_SIZE + ".." + MAX_SIZE + " px, got " + size);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            int ring = ringWidth(size);
            g.setColor(OUTLINE);
            g.fill(new Ellipse2D.Double(0, 0, size, size));
            g.setColor(RING);
            g.fill(new Ellipse2D.Double(ring, ring, size - 2 * ring, size - 2 * ring));
            g.setColor(fill(state));
            int inner = 2 * ring;
            g.fill(new Ellipse2D.Double(inner, inner, size - 2 * inner, size - 2 * inner));
            drawGlyph(g, state, size);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Width of each ring in whole pixels, so the rings stay crisp at small sizes. */
    static int ringWidth(int size) {
        return Math.max(1, size / 22);
    }

    private static void drawGlyph(Graphics2D g, State state, double s) {
        g.setColor(glyph(state));
        g.setStroke(new BasicStroke((float) Math.max(2.0, s / 8.0), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double c = s / 2;
        double r = s * 0.22;
        switch (state) {
            case OK -> {
                Path2D tick = new Path2D.Double();
                tick.moveTo(c - r, c + r * 0.05);
                tick.lineTo(c - r * 0.3, c + r * 0.7);
                tick.lineTo(c + r, c - r * 0.6);
                g.draw(tick);
            }
            case LOW -> {
                Path2D arrow = new Path2D.Double();
                arrow.moveTo(c, c - r);
                arrow.lineTo(c, c + r);
                arrow.moveTo(c - r * 0.75, c + r * 0.2);
                arrow.lineTo(c, c + r);
                arrow.lineTo(c + r * 0.75, c + r * 0.2);
                g.draw(arrow);
            }
            case EMPTY -> {
                double k = r * 0.8;
                g.draw(new Line2D.Double(c - k, c + k, c + k, c - k));
            }
            case ERROR -> {
                double k = r * 0.8;
                g.draw(new Line2D.Double(c - k, c - k, c + k, c + k));
                g.draw(new Line2D.Double(c - k, c + k, c + k, c - k));
            }
            case STALE -> {
                Path2D hands = new Path2D.Double();
                hands.moveTo(c, c - r);
                hands.lineTo(c, c);
                hands.lineTo(c + r * 0.8, c + r * 0.4);
                g.draw(hands);
            }
            case NO_DATA -> g.draw(new Line2D.Double(c - r * 0.8, c, c + r * 0.8, c));
        }
    }
}
