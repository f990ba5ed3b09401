package dev.tally.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.List;

/**
 * A small line of spend per bucket. {@code null} points are gaps (no data) and break the line instead of
 * drawing a zero. Static: nothing animates, so an idle window costs no CPU. Style classes:
 * {@code sparkline}, {@code sparkline-line}, {@code sparkline-baseline}.
 */
public final class Sparkline extends Region {
    private final ObjectProperty<List<Double>> points = new SimpleObjectProperty<>(List.of());
    private final Path line = new Path();
    private final Path baseline = new Path();

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        baseline.getStyleClass().add("sparkline-baseline");
        line.setManaged(false);
        baseline.setManaged(false);
        getChildren().addAll(baseline, line);
        points.addListener((o, a, b) -> requestLayout());
        setMinHeight(24);
        setPrefHeight(28);
        setPrefWidth(160);
    }

    public ObjectProperty<List<Double>> pointsProperty() {
        return points;
    }

    /**
     * Shows what the point under the pointer says ({@code text} of its index; empty for a gap: no tooltip text),
     * in a tooltip that follows the pointer. The pointer hand says the sparkline can be clicked.
     */
    public void setOnPoint(java.util.function.IntFunction<String> text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(100));
        javafx.scene.control.Tooltip.install(this, tip);
        setCursor(javafx.scene.Cursor.HAND);
        setOnMouseMoved(e -> {
            String t = text.apply(indexAt(e.getX()));
            tip.setText(t.isEmpty() ? dev.tally.status.Phrase.SPARK_HINT.say() : t);
        });
    }

    /** The point nearest to {@code x} (local coordinates), or -1 when there are none. */
    public int indexAt(double x) {
        List<Double> p = points.get();
        if (p == null || p.isEmpty()) {
            return -1;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double step = p.size() > 1 ? w / (p.size() - 1) : 0;
        return step <= 0 ? 0 : (int) Math.clamp(Math.round((x - snappedLeftInset()) / step), 0, p.size() - 1);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        line.getElements().clear();
        baseline.getElements().clear();
        baseline.getElements().addAll(new MoveTo(x0, y0 + h - 0.5), new LineTo(x0 + w, y0 + h - 0.5));
        List<Double> p = points.get();
        if (p == null || p.isEmpty() || w <= 0 || h <= 0) {
            return;
        }
        double max = p.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max <= 0 ? 0 : (h - 2) / max;
        double step = p.size() > 1 ? w / (p.size() - 1) : 0;
        boolean pen = false;
        for (int i = 0; i < p.size(); i++) {
            Double v = p.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = x0 + i * step;
            double y = y0 + h - 1 - Math.max(0, v) * scale;
            line.getElements().add(pen ? new LineTo(x, y) : new MoveTo(x, y));
            if (!pen && (i + 1 >= p.size() || p.get(i + 1) == null)) {
                line.getElements().add(new LineTo(x + Math.max(1, step / 3), y));
            }
            pen = true;
        }
    }
}
