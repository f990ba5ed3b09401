package dev.tally.ui.settings;

import dev.tally.ui.settings.AccountFormViewModel.ProviderChoice;
import dev.tally.ui.settings.AccountListViewModel.AccountRow;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The settings window's list cells: accounts, combo-box buttons with a prompt, providers. FX thread only. */
final class SettingsCells {
    /** A combo box showing its prompt: nothing chosen yet. */
    static final PseudoClass PROMPT = PseudoClass.getPseudoClass("prompt");
    /** A provider whose balance cannot be checked. */
    static final PseudoClass UNSUPPORTED = PseudoClass.getPseudoClass("unsupported");

    private SettingsCells() {
    }

    /** Account label above its provider, interval and alert. */
    static final class AccountCell extends ListCell<AccountRow> {
        @Override
        protected void updateItem(AccountRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            Label title = new Label(item.label());
            title.getStyleClass().add("settings-account-title");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("settings-hint");
            // a long label ends in an ellipsis inside the list's width (no horizontal scroll bar); the whole of it on hover
            title.setMinWidth(0);
            detail.setMinWidth(0);
            VBox box = new VBox(1, title, detail);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            box.setMaxWidth(Double.MAX_VALUE);
            setGraphic(box);
            setText(null);
            setPrefWidth(0);
            setTooltip(new Tooltip(item.label() + "\n" + item.detail()));
            setAccessibleText(item.label() + ", " + item.detail());
        }
    }

    /** A combo box's button: the chosen item's text, or the prompt (muted) when nothing is chosen. */
    static final class ButtonCell<T> extends ListCell<T> {
        private final String prompt;
        private final Function<T, String> text;

        ButtonCell(String prompt, Function<T, String> text) {
            this.prompt = prompt;
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(null);
            // a pseudo-class, not a style class: changing style classes in updateItem re-styles the cell before its
            // list's looked-up colours are there (AtlantaFX's "-color-cell-fg" warnings)
            boolean none = empty || item == null;
            pseudoClassStateChanged(PROMPT, none);
            setText(none ? prompt : text.apply(item));
        }
    }

    /** Supported providers by name; unsupported ones greyed, not selectable, with the reason under the name. */
    static final class ProviderCell extends ListCell<ProviderChoice> {
        @Override
        protected void updateItem(ProviderChoice item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(UNSUPPORTED, false);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setDisable(false);
                return;
            }
            if (item.enabled()) {
                setText(item.name());
                setGraphic(null);
                setDisable(false);
                setAccessibleText(item.name());
                return;
            }
            Label name = new Label(SettingsPhrase.PROVIDER_NOT_AVAILABLE.say(item.name()));
            name.getStyleClass().add("settings-provider-name");
            Label reason = new Label(item.reason());
            reason.setWrapText(true);
            reason.setMaxWidth(320);
            reason.getStyleClass().add("settings-provider-reason");
            setText(null);
            setGraphic(new VBox(2, name, reason));
            setDisable(true);
            pseudoClassStateChanged(UNSUPPORTED, true);
            setTooltip(new Tooltip(item.reason()));
            setAccessibleText(SettingsPhrase.PROVIDER_NOT_SUPPORTED_ACCESSIBLE.say(item.name(), item.reason()));
        }
    }
}
