package dev.tally.ui;

/**
 * Where the window goes: next to the tray icon that was clicked, and always inside the screen's work area (the
 * screen minus its panels), also when a remembered place came from a larger screen. Plain arithmetic in screen
 * pixels, so it is tested without a toolkit. Stateless.
 */
public final class WindowSpot {
    /** The gap between the click and the window's edge. */
    public static final double GAP = 8;

    private WindowSpot() {
    }

    /** A rectangle in screen pixels. */
    public record Area(double x, double y, double width, double height) {
    }

    /** A window's place and size. */
    public record Spot(double x, double y, double width, double height) {
    }

    public static Area area(double x, double y, double width, double height) {
        return new Area(x, y, width, height);
    }

    /**
     * The window beside a click at {@code (cx, cy)}: centred on it horizontally; below it when the click is in the
     * top half of the work area (a top panel), else above it (a bottom panel); then kept inside {@code work}.
     */
    public static Spot nearClick(double cx, double cy, double width, double height, Area work) {
        double x = cx - width / 2;
        double y = cy < work.y() + work.height() / 2 ? cy + GAP : cy - height - GAP;
        return clamp(x, y, width, height, work);
    }

    /**
     * A window with no place yet (first start, or a remembered place on a screen that is gone): centred in
     * {@code work} and, when larger than it (a small screen, or a large scale factor), shrunk to fit.
     */
    public static Spot centred(double width, double height, Area work) {
        return clamp(work.x() + (work.width() - width) / 2, work.y() + (work.height() - height) / 2, width, height, work);
    }

    /** {@code (x, y, width, height)} moved (and if larger, shrunk) so the whole window is inside {@code work}. */
    public static Spot clamp(double x, double y, double width, double height, Area work) {
        double w = Math.min(width, work.width());
        double h = Math.min(height, work.height());
        double nx = Math.clamp(x, work.x(), work.x() + work.width() - w);
        double ny = Math.clamp(y, work.y(), work.y() + work.height() - h);
        return new Spot(nx, ny, w, h);
    }
}
