package dev.tally.ui.settings;

import dev.tally.account.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
        Switch login = toggle("Launch Tally at l_ogin", vm.launchAtLoginProperty(), "Launch Tally at login");
        login.control().setId("settings-launch-at-login");
        login.control().disableProperty().bind(vm.launchAtLoginAvailableProperty().not());
        Label loginHint = hint("");
        loginHint.textProperty().bind(vm.launchAtLoginHintProperty());

        Switch notify = toggle("Show desktop noti_fications", vm.notificationsProperty(), "Show desktop notifications");

        ToggleGroup themes = new ToggleGroup();
        HBox themeLine = new HBox(16);
        for (Preferences.Theme t : Preferences.Theme.values()) {
            String text = switch (t) {
                case SYSTEM -> "S_ystem";
                case LIGHT -> "Lig_ht";
                case DARK -> "_Dark";
            };
            RadioButton b = new RadioButton(text);
            b.setToggleGroup(themes);
            b.setUserData(t);
            b.setAccessibleText("Theme: " + t.jsonName());
            themeLine.getChildren().add(b);
        }
        selectTheme(themes, vm.themeProperty().get());
        vm.themeProperty().addListener((o, was, now) -> selectTheme(themes, now));
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.themeProperty().set((Preferences.Theme) now.getUserData());
            }
        });
        Label themeTitle = new Label("Theme");
        themeTitle.getStyleClass().add("settings-group-title");

        Switch hide = toggle("Hide amo_unts", vm.hideAmountsProperty(), "Hide amounts");

        Switch spend = toggle("Alert _when spend does not add up", vm.spendChecksProperty(),
                "Alert when the balance falls more than the reported usage");
        spend.control().setId("settings-spend-checks");
        notify.control().setId("settings-notifications");
        hide.control().setId("settings-hide-amounts");

        Label keysTitle = new Label("Keys");
        keysTitle.getStyleClass().add("settings-group-title");

        VBox box = new VBox(6,
                login.row(), indent(loginHint),
                gap(), notify.row(), indent(hint("Low balance, exhausted balance and rejected keys, once each.")),
                spend.row(), indent(hint("Where a provider reports both a balance and usage (OpenRouter with both keys): when over a"
                        + " day the balance fell more than the usage explains — another key, a leaked key or untracked usage.")),
                gap(), themeTitle, themeLine, indent(hint("System follows your desktop's light or dark setting.")),
                gap(), hide.row(), indent(hint("Shows ••• instead of amounts in the window, tray and notifications — for screen sharing.")),
                gap(), keysTitle, keychainNote(settings.keychain()));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("settings-general");
        box.disableProperty().bind(settings.loadingProperty());
        // a Tab sets its content's disable state itself, so the bound box sits inside a plain container
        return new VBox(box);
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
