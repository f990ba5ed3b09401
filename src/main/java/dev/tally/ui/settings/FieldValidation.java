package dev.tally.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Live validation decorations for the account form: ControlsFX {@link ValidationSupport}, driven by the view model's
 * per-field messages (the rules stay in {@link AccountFormValidator}), shown the AtlantaFX way — the field takes the
 * theme's {@link Styles#STATE_DANGER} state (red border and focus ring) and the message as its tooltip, next to the
 * message under the field. FX thread only.
 */
final class FieldValidation {
    private final ValidationSupport support = new ValidationSupport();

    FieldValidation() {
        support.setValidationDecorator(new DangerDecoration());
    }

    /** Decorates {@code field} while {@code error} is not empty; re-checked whenever the message changes. */
    void watch(Control field, ObservableStringValue error) {
        support.registerValidator(field, false, (Control c, Object value) -> {
            String e = error.get();
            return ValidationResult.fromErrorIf(c, e == null ? "" : e, e != null && !e.isEmpty());
        });
        error.addListener((o, was, now) -> support.revalidate(field));
    }

    private static final class DangerDecoration implements ValidationDecoration {
        @Override
        public void removeDecorations(Control target) {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            if (target.getTooltip() != null && target.getProperties().remove(DangerDecoration.class) != null) {
                target.setTooltip(null);
            }
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            target.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
            if (target.getTooltip() == null || target.getProperties().containsKey(DangerDecoration.class)) {
                target.setTooltip(new Tooltip(message.getText()));
                target.getProperties().put(DangerDecoration.class, Boolean.TRUE);
            }
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // required fields are said in words by the form, not by a corner mark
        }
    }
}
