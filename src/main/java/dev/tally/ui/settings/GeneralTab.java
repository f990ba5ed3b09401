package dev.tally.ui.settings;

import dev.tally.account.Preferences;
import dev.tally.core.Language;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import static dev.tally.ui.settings.FormLayout.gap;
import static dev.tally.ui.settings.FormLayout.hint;
import static dev.tally.ui.settings.FormLayout.indent;

/** The General tab, wired to a {@link GeneralViewModel} and the {@link KeychainViewModel}'s note. FX thread only. */
final class GeneralTab {
    private GeneralTab() {
    }

    static Node pane(SettingsViewModel settings) {
        GeneralViewModel vm = settings.general();
        Switch login = toggle(SettingsPhrase.LAUNCH_AT_LOGIN.say(), vm.launchAtLoginProperty(),
                SettingsPhrase.LAUNCH_AT_LOGIN_ACCESSIBLE.say());
        login.control().setId("settings-launch-at-login");
        login.control().disableProperty().bind(vm.launchAtLoginAvailableProperty().not());
        Label loginHint = hint("");
        loginHint.textProperty().bind(vm.launchAtLoginHintProperty());

        Switch notify = toggle(SettingsPhrase.NOTIFICATIONS.say(), vm.notificationsProperty(),
                SettingsPhrase.NOTIFICATIONS_ACCESSIBLE.say());

        ToggleGroup themes = new ToggleGroup();
        HBox themeLine = new HBox(16);
        for (Preferences.Theme t : Preferences.Theme.values()) {
            String text = switch (t) {
                case SYSTEM -> SettingsPhrase.THEME_SYSTEM.say();
                case LIGHT -> SettingsPhrase.THEME_LIGHT.say();
                case DARK -> SettingsPhrase.THEME_DARK.say();
            };
            RadioButton b = new RadioButton(text);
            b.setToggleGroup(themes);
            b.setUserData(t);
            b.setAccessibleText(SettingsPhrase.THEME_ACCESSIBLE.say(text.replace("_", "")));
            themeLine.getChildren().add(b);
        }
        selectTheme(themes, vm.themeProperty().get());
        vm.themeProperty().addListener((o, was, now) -> selectTheme(themes, now));
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.themeProperty().set((Preferences.Theme) now.getUserData());
            }
        });
        Label themeTitle = new Label(SettingsPhrase.THEME.say());
        themeTitle.getStyleClass().add("settings-group-title");

        Switch hide = toggle(SettingsPhrase.HIDE_AMOUNTS.say(), vm.hideAmountsProperty(),
                SettingsPhrase.HIDE_AMOUNTS_ACCESSIBLE.say());

        Switch spend = toggle(SettingsPhrase.SPEND_CHECKS.say(), vm.spendChecksProperty(),
                SettingsPhrase.SPEND_CHECKS_ACCESSIBLE.say());
        spend.control().setId("settings-spend-checks");
        notify.control().setId("settings-notifications");
        hide.control().setId("settings-hide-amounts");

        ComboBox<Language> language = new ComboBox<>();
        language.getItems().setAll(Language.values());
        language.setConverter(FormLayout.converter(vm::languageName));
        language.valueProperty().bindBidirectional(vm.languageProperty());
        language.setAccessibleText(SettingsPhrase.LANGUAGE_ACCESSIBLE.say());
        language.setId("settings-language");
        Label languageTitle = new Label(SettingsPhrase.LANGUAGE.say());
        languageTitle.setMnemonicParsing(true);
        languageTitle.setLabelFor(language);
        languageTitle.getStyleClass().add("settings-group-title");
        Label languageNote = hint("");
        languageNote.textProperty().bind(vm.languageNoteProperty());
        languageNote.setId("settings-language-note");

        Label keysTitle = new Label(SettingsPhrase.KEYS.say());
        keysTitle.getStyleClass().add("settings-group-title");

        VBox box = new VBox(6,
                login.row(), indent(loginHint),
                gap(), notify.row(), indent(hint(SettingsPhrase.NOTIFICATIONS_HINT.say())),
                spend.row(), indent(hint(SettingsPhrase.SPEND_CHECKS_HINT.say())),
                gap(), themeTitle, themeLine, indent(hint(SettingsPhrase.THEME_HINT.say())),
                gap(), hide.row(), indent(hint(SettingsPhrase.HIDE_AMOUNTS_HINT.say())),
                gap(), languageTitle, language, indent(languageNote),
                gap(), keysTitle, keychainNote(settings.keychain()));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("settings-general");
        box.disableProperty().bind(settings.loadingProperty());
        // a Tab sets its content's disable state itself, so the bound box sits inside a plain container; it scrolls
        // where the window is smaller than the tab (a large font, a CJK desktop font) rather than squeezing hints to
        // one cut-off line
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new VBox(box));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setId("settings-general-pane");
        return scroll;
    }

    /**
     * An on/off preference as a ControlsFX {@link ToggleSwitch}: its text (with an Alt+letter) on the left, the switch
     * at the right edge of the tab, so every switch lines up. Styled with the AtlantaFX theme's colours (tally.css).
     */
    private static Switch toggle(String text, BooleanProperty value, String accessible) {
        MnemonicSwitch t = new MnemonicSwitch();
        t.selectedProperty().bindBidirectional(value);
        t.setAccessibleText(accessible);
        t.getStyleClass().add("settings-switch");
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(t);
        label.getStyleClass().add("settings-switch-label");
        label.disableProperty().bind(t.disabledProperty());
        // the words toggle it too, as a check box's do
        label.setOnMouseClicked(e -> {
            t.requestFocus();
            t.fire();
        });
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox row = new HBox(12, label, fill, t);
        row.setAlignment(Pos.CENTER_LEFT);
        return new Switch(t, row);
    }

    /**
     * A ToggleSwitch that its label's Alt+letter flips, as it flips a check box: the scene fires the mnemonic as an
     * action event on the label's target, which ControlsFX's switch does not act on by itself.
     */
    private static final class MnemonicSwitch extends ToggleSwitch {
        private boolean firing;

        MnemonicSwitch() {
            addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
                if (!firing) {
                    e.consume();
                    requestFocus();
                    fire();
                }
            });
        }

        @Override
        public void fire() {
            firing = true;
            try {
                super.fire();
            } finally {
                firing = false;
            }
        }
    }

    /** A switch and its row (label, space, switch). */
    private record Switch(ToggleSwitch control, HBox row) {
    }

    private static Node keychainNote(KeychainViewModel keychain) {
        Label note = new Label();
        note.textProperty().bind(keychain.messageProperty());
        note.setWrapText(true);
        note.getStyleClass().add("settings-keychain");
        keychain.stateProperty().addListener((o, was, now) -> note.pseudoClassStateChanged(
                FormLayout.PROBLEM, now != null && !now.isAvailable()));
        note.setMaxWidth(Double.MAX_VALUE);
        return note;
    }

    private static void selectTheme(ToggleGroup group, Preferences.Theme t) {
        group.getToggles().stream().filter(x -> x.getUserData() == t).findFirst().ifPresent(x -> x.setSelected(true));
    }
}
