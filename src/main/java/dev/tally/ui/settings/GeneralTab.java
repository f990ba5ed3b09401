package dev.tally.ui.settings;

import dev.tally.account.Preferences;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import static dev.tally.ui.settings.FormLayout.gap;
import static dev.tally.ui.settings.FormLayout.hint;
import static dev.tally.ui.settings.FormLayout.indent;

/** The General tab, wired to a {@link GeneralViewModel} and the {@link KeychainViewModel}'s note. FX thread only. */
final class GeneralTab {
    private GeneralTab() {
    }

    static Node pane(SettingsViewModel settings) {
        GeneralViewModel vm = settings.general();
        CheckBox login = new CheckBox("Launch Tally at l_ogin");
        login.selectedProperty().bindBidirectional(vm.launchAtLoginProperty());
        login.disableProperty().bind(vm.launchAtLoginAvailableProperty().not());
        login.setAccessibleText("Launch Tally at login");
        Label loginHint = hint("");
        loginHint.textProperty().bind(vm.launchAtLoginHintProperty());

        CheckBox notify = new CheckBox("Show desktop noti_fications");
        notify.selectedProperty().bindBidirectional(vm.notificationsProperty());
        notify.setAccessibleText("Show desktop notifications");

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

        CheckBox hide = new CheckBox("Hide amo_unts");
        hide.selectedProperty().bindBidirectional(vm.hideAmountsProperty());
        hide.setAccessibleText("Hide amounts");

        CheckBox spend = new CheckBox("Alert when spend does not add up");
        spend.selectedProperty().bindBidirectional(vm.spendChecksProperty());
        spend.setAccessibleText("Alert when the balance falls more than the reported usage");
        spend.setId("settings-spend-checks");

        Label keysTitle = new Label("Keys");
        keysTitle.getStyleClass().add("settings-group-title");

        VBox box = new VBox(6,
                login, indent(loginHint),
                gap(), notify, indent(hint("Low balance, exhausted balance and rejected keys, once each.")),
                spend, indent(hint("Where a provider reports both a balance and usage (OpenRouter with both keys): when over a"
                        + " day the balance fell more than the usage explains — another key, a leaked key or untracked usage.")),
                gap(), themeTitle, themeLine, indent(hint("System follows your desktop's light or dark setting.")),
                gap(), hide, indent(hint("Shows ••• instead of amounts in the window, tray and notifications — for screen sharing.")),
                gap(), keysTitle, keychainNote(settings.keychain()));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("settings-general");
        box.disableProperty().bind(settings.loadingProperty());
        // a Tab sets its content's disable state itself, so the bound box sits inside a plain container
        return new VBox(box);
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
