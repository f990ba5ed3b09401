package dev.tally.tray;

import dev.tally.status.State;

/**
 * Draws the tray icon for a {@link State}: a coloured disc with a dark outer ring (seen on light
 * panels) and a white inner ring (seen on dark panels), and a simple glyph so the state does not depend on
 * colour alone: a tick (OK), a down arrow (LOW), a single slash (EMPTY, on a deeper red), a cross (ERROR), clock
 * hands (STALE), a dash (NO_DATA).
 *
 * <p>Plain Java on an {@code int[]} of ARGB pixels, anti-aliased by 8×8 samples per pixel: no Java2D, so the
 * StatusNotifierItem tray (which sends the pixels over D-Bus) loads none of AWT's classes or native libraries; the
 * AWT tray wraps the same pixels in an image. The glyph's strokes have round caps and joins: each is the set of
 * points within half the stroke width of its line segments. Stateless and thread-safe.
 */
public final class TrayIconRenderer {
    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 64;
    /** The outer ring (opaque RGB), dark enough to stand out on light panels. */
    public static final int OUTLINE = 0xFF1A1A1A;
    /** The inner ring (opaque white), standing out on dark panels. */
    public static final int RING = 0xFFFFFFFF;
    /** Samples per pixel along each axis. */
    private static final int SAMPLES = 8;

    private TrayIconRenderer() {
    }

    /** The disc colour of a state (opaque ARGB); every state has its own. */
    public static int fill(State state) {
        return switch (state) {
            case OK -> 0xFF1E8E3E;
            case LOW -> 0xFFF2A600;
            case EMPTY -> 0xFFA81C1C;
            case ERROR -> 0xFFD93025;
            case STALE -> 0xFF4A6FA5;
            case NO_DATA -> 0xFF9AA0A6;
        };
    }

    /** The glyph colour (opaque ARGB): dark on the light discs (amber, grey), white on the others. */
    static int glyph(State state) {
        return state == State.LOW || state == State.NO_DATA ? OUTLINE : RING;
    }

    /**
     * A {@code size}×{@code size} image as non-premultiplied ARGB pixels, row by row from the top left, transparent
     * outside the disc.
     *
     * @param size edge in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @throws IllegalArgumentException when {@code size} is out of range
     */
    public static int[] argb(State state, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("icon size must be " + MIN_SIZE + ".." + MAX_SIZE + " px, got " + size);
        }
        Canvas canvas = new Canvas(size);
        int ring = ringWidth(size);
        double c = size / 2.0;
        canvas.paint(OUTLINE, disc(c, c));
        canvas.paint(RING, disc(c, c - ring));
        canvas.paint(fill(state), disc(c, c - 2.0 * ring));
        int colour = glyph(state);
        double half = Math.max(2.0, size / 8.0) / 2;
        for (double[] stroke : glyphStrokes(state, size)) {
            canvas.paint(colour, polyline(stroke, half));
        }
        return canvas.pixels();
    }

    /** Width of each ring in whole pixels, so the rings stay crisp at small sizes. */
    static int ringWidth(int size) {
        return Math.max(1, size / 22);
    }

    /**
     * The glyph's strokes, each a polyline as x0, y0, x1, y1, …; each is painted on its own, as one shape, so
     * where two strokes cross the colour is laid twice (as drawing two lines does).
     */
    private static double[][] glyphStrokes(State state, double s) {
        double c = s / 2;
        double r = s * 0.22;
        double k = r * 0.8;
        return switch (state) {
            case OK -> new double[][] {{c - r, c + r * 0.05, c - r * 0.3, c + r * 0.7, c + r, c - r * 0.6}};
            // the shaft, and the head as one stroke
            case LOW -> new double[][] {{c, c - r, c, c + r, c - r * 0.75, c + r * 0.2, c, c + r, c + r * 0.75, c + r * 0.2}};
            case EMPTY -> new double[][] {{c - k, c + k, c + k, c - k}};
            case ERROR -> new double[][] {{c - k, c - k, c + k, c + k}, {c - k, c + k, c + k, c - k}};
            case STALE -> new double[][] {{c, c - r, c, c, c + r * 0.8, c + r * 0.4}};
            case NO_DATA -> new double[][] {{c - r * 0.8, c, c + r * 0.8, c}};
        };
    }

    /** Whether a point is inside a shape. */
    private interface Shape {
        boolean contains(double x, double y);
    }

    private static Shape disc(double centre, double radius) {
        double r2 = radius * radius;
        return (x, y) -> {
            double dx = x - centre;
            double dy = y - centre;
            return dx * dx + dy * dy <= r2;
        };
    }

    /**
     * The points within {@code half} of the polyline {@code xy}: round caps and joins. The LOW arrow's polyline
     * goes down the shaft and back up the head; the way back lies on the way down, so the union is the same.
     */
    private static Shape polyline(double[] xy, double half) {
        double h2 = half * half;
        return (x, y) -> {
            for (int i = 0; i + 3 < xy.length; i += 2) {
                if (distance2(x, y, xy[i], xy[i + 1], xy[i + 2], xy[i + 3]) <= h2) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
    private static double distance2(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0);
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }

    /** Premultiplied colour per pixel; each shape is laid over what is there by its coverage of the pixel. */
    private static final class Canvas {
        private final int size;
        private final double[] a;
        private final double[] r;
        private final double[] g;
        private final double[] b;

        Canvas(int size) {
            this.size = size;
            int n = size * size;
            a = new double[n];
            r = new double[n];
            g = new double[n];
            b = new double[n];
        }

        void paint(int argb, Shape shape) {
            double cr = ((argb >>> 16) & 0xFF) / 255.0;
            double cg = ((argb >>> 8) & 0xFF) / 255.0;
            double cb = (argb & 0xFF) / 255.0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int inside = 0;
                    for (int sy = 0; sy < SAMPLES; sy++) {
                        double py = y + (sy + 0.5) / SAMPLES;
                        for (int sx = 0; sx < SAMPLES; sx++) {
                            if (shape.contains(x + (sx + 0.5) / SAMPLES, py)) {
                                inside++;
                            }
                        }
                    }
                    if (inside == 0) {
                        continue;
                    }
                    double cover = inside / (double) (SAMPLES * SAMPLES);
                    int i = y * size + x;
                    double keep = 1 - cover;
                    a[i] = cover + a[i] * keep;
                    r[i] = cr * cover + r[i] * keep;
                    g[i] = cg * cover + g[i] * keep;
                    b[i] = cb * cover + b[i] * keep;
                }
            }
        }

        int[] pixels() {
            int[] out = new int[size * size];
            for (int i = 0; i < out.length; i++) {
                int alpha = (int) Math.round(a[i] * 255);
                if (alpha == 0) {
                    continue;
                }
                out[i] = alpha << 24 | channel(r[i], a[i]) << 16 | channel(g[i], a[i]) << 8 | channel(b[i], a[i]);
            }
            return out;
        }

        private static int channel(double premultiplied, double alpha) {
            return (int) Math.min(255, Math.round(premultiplied / alpha * 255));
        }
    }
}
