package dev.tally.ui.settings;

import impl.org.controlsfx.skin.CustomTextFieldSkin;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.textfield.CustomPasswordField;

/**
 * A key field: a ControlsFX {@link CustomPasswordField} with two buttons at its right end: one shows the typed key in
 * clear while it is toggled on (to check a paste), one clears the field. Only
 * what was typed here can be shown: a stored key is never read back into the form. The field stays a password field
 * (no copy or cut of the key, read as a password by screen readers) while it is shown.
 *
 * <p>Threads: FX thread only.
 */
final class KeyField extends CustomPasswordField {
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);

    /**
     * @param showText  the reveal button's tooltip and accessible name while the key is hidden
     * @param hideText  the same while it is shown
     * @param clearText the clear button's tooltip and accessible name
     */
    KeyField(String showText, String hideText, String clearText) {
        getStyleClass().addAll("clearable-field", "key-field");
        StackPane eye = button("key-reveal", "reveal-button");
        Tooltip eyeTip = new Tooltip(showText);
        Tooltip.install(eye, eyeTip);
        eye.setAccessibleText(showText);
        eye.setOnMouseReleased(e -> revealed.set(!revealed.get()));
        StackPane clear = button("key-clear", "clear-button");
        Tooltip.install(clear, new Tooltip(clearText));
        clear.setAccessibleText(clearText);
        clear.setOnMouseReleased(e -> {
            clear();
            requestFocus();
        });
        // the clear button only where there is something to clear
        clear.visibleProperty().bind(textProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        HBox right = new HBox(2, eye, clear);
        right.setAlignment(Pos.CENTER);
        setRight(right);
        revealed.addListener((o, was, now) -> {
            eyeTip.setText(now ? hideText : showText);
            eye.setAccessibleText(now ? hideText : showText);
            eye.getStyleClass().removeAll("revealed");
            if (now) {
                eye.getStyleClass().add("revealed");
            }
            // the skin draws the mask when the text changes: a new skin draws it again, caret and selection kept
            int caret = getCaretPosition();
            int anchor = getAnchor();
            setSkin(createDefaultSkin());
            selectRange(anchor, caret);
        });
    }

    /** Whether the typed key is shown in clear. */
    BooleanProperty revealedProperty() {
        return revealed;
    }

    private static StackPane button(String id, String styleClass) {
        Region graphic = new Region();
        graphic.getStyleClass().add("graphic");
        StackPane b = new StackPane(graphic);
        b.getStyleClass().add(styleClass);
        b.setId(id);
        b.setCursor(Cursor.DEFAULT);
        return b;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CustomTextFieldSkin(this) {
            @Override
            public ObjectProperty<Node> leftProperty() {
                return KeyField.this.leftProperty();
            }

            @Override
            public ObjectProperty<Node> rightProperty() {
                return KeyField.this.rightProperty();
            }

            @Override
            protected String maskText(String txt) {
                return revealed != null && revealed.get() ? txt : super.maskText(txt);
            }
        };
    }
}
