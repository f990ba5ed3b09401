package dev.tally.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How the settings window lays out a form: a label column shared by every row (sized together so the fields line up
 * and no label is cut short) and the small pieces every view uses (hints, messages, show-when). FX thread only.
 */
final class FormLayout {
    /** The narrowest the label column gets; it widens to fit its longest label ("Management key"). */
    private static final double LABEL_WIDTH = 112;
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final List<Label> rowLabels = new ArrayList<>();
    private final DoubleProperty labelWidth = new SimpleDoubleProperty(LABEL_WIDTH);

    /** The label column's width, for content that lines up with the fields (the Test button). */
    ReadOnlyDoubleProperty labelWidth() {
        return labelWidth;
    }

    /** A form row: a mnemonic label in the shared label column, then the control with its hints and messages below it. */
    Node row(String label, Control control, Node... below) {
        return rowFor(label, control, control, below);
    }

    Node rowFor(String label, Node content, Control target, Node... below) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.minWidthProperty().bind(labelWidth);
        l.prefWidthProperty().bind(labelWidth);
        rowLabels.add(l);
        l.setPadding(new Insets(6, 0, 0, 0));
        l.getStyleClass().add("settings-field-label");
        VBox right = new VBox(4);
        right.getChildren().add(content);
        right.getChildren().addAll(below);
        HBox.setHgrow(right, Priority.ALWAYS);
        if (content instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        HBox row = new HBox(10, l, right);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    /** The label of the row made last, e.g. to forget it again when its row is rebuilt. */
    Label lastLabel() {
        return rowLabels.getLast();
    }

    void forget(List<Label> labels) {
        rowLabels.removeAll(labels);
    }

    /** Widens the label column to its longest label as the theme's font draws it (at least {@value #LABEL_WIDTH}). */
    void fitLabels() {
        double widest = LABEL_WIDTH;
        for (Label l : rowLabels) {
            l.applyCss();
            Text t = new Text(l.getText().replaceFirst("_", ""));
            t.setFont(l.getFont());
            widest = Math.max(widest, Math.ceil(t.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset()) + 2);
        }
        labelWidth.set(widest);
    }

    static Label message(ObservableStringValue text, boolean error) {
        Label m = new Label();
        // view-model messages read as clauses ("the base URL must use https…"); under a field they start a sentence
        m.textProperty().bind(Bindings.createStringBinding(() -> {
            String t = text.get();
            return t == null || t.isEmpty() ? "" : Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }, text));
        m.setWrapText(true);
        m.getStyleClass().add(error ? "settings-error" : "settings-hint");
        m.managedProperty().bind(m.textProperty().isNotEmpty());
        m.visibleProperty().bind(m.managedProperty());
        return m;
    }

    static Label hint(String text) {
        Label h = new Label(text);
        h.setWrapText(true);
        h.getStyleClass().add("settings-hint");
        h.managedProperty().bind(h.textProperty().isNotEmpty());
        h.visibleProperty().bind(h.managedProperty());
        return h;
    }

    static Node indent(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(0, 0, 0, 28));
        return box;
    }

    static Node gap() {
        Region r = new Region();
        r.setMinHeight(8);
        return r;
    }

    static void showWhen(Node n, ObservableBooleanValue condition) {
        n.managedProperty().bind(condition);
        n.visibleProperty().bind(condition);
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
