package dev.tally.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tally.account.Preferences;
import dev.tally.ui.AppIcon;
import dev.tally.ui.settings.SettingsViewModel.AccountRow;
import dev.tally.ui.settings.SettingsViewModel.KeyField;
import dev.tally.ui.settings.SettingsViewModel.Mode;
import dev.tally.ui.settings.SettingsViewModel.ProviderChoice;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;
import dev.tally.ui.settings.SettingsViewModel.TestState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings window: accounts (list, form, Test) and general preferences. It only wires controls to a
 * {@link SettingsViewModel}; every decision and all I/O live there.
 *
 * <p>Keyboard: every field has a mnemonic (Alt + underlined letter), Enter saves, Esc closes, Ctrl+Tab switches
 * between the Accounts and General tabs. Controls carry accessible names for screen readers.
 *
 * <p>Threads: create and use on the FX thread only.
 */
public final class SettingsDialog {
    static final double WIDTH = 520;
    static final double HEIGHT = 700;
    /** The narrowest the label column gets; it widens to fit its longest label ("Management key"). */
    private static final double LABEL_WIDTH = 112;
    static final double ACCOUNT_LIST_HEIGHT = 196;
    private static final double EMPTY_LIST_HEIGHT = 96;
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final SettingsViewModel vm;
    private final Stage stage = new Stage();
    private final VBox keyRows = new VBox(10);
    private final ListView<AccountRow> accounts = new ListView<>();
    /** Every form row's label, sized together so the fields line up and no label is cut short. */
    private final List<Label> rowLabels = new ArrayList<>();
    private final List<Label> keyLabels = new ArrayList<>();
    private final DoubleProperty labelWidth = new SimpleDoubleProperty(LABEL_WIDTH);
    private boolean syncing;

    /** @param owner the window it belongs to, or {@code null} when Tally has no window open */
    public SettingsDialog(SettingsViewModel vm, Window owner) {
        this.vm = Objects.requireNonNull(vm, "vm");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Tally — Settings");
        AppIcon.applyTo(stage);
        stage.setMinWidth(460);
        stage.setMinHeight(480);

        TabPane tabs = new TabPane(new Tab("Accounts", accountsPane()), new Tab("General", generalPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("settings-tabs");
        tabs.setAccessibleText("Settings sections");

        BorderPane root = new BorderPane(tabs);
        root.setBottom(footer());
        root.getStyleClass().add("settings-root");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(SettingsDialog.class.getResource("/dev/tally/ui/tally.css"),
                "tally.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnShown(e -> fitLabels());
        // the window's own close button asks like Close and Esc do
        stage.setOnCloseRequest(e -> {
            if (!discardChanges(true)) {
                e.consume();
            }
        });
    }

    /** Loads the settings (in the background) and shows the window. */
    public void show() {
        show(null);
    }

    /** Loads the settings and shows the window with {@code accountId} open in the form (null: the first account). */
    public void show(String accountId) {
        vm.load(accountId);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    // ---------------------------------------------------------------- accounts tab

    private Node accountsPane() {
        accounts.setItems(vm.accounts());
        accounts.setCellFactory(v -> new AccountCell());
        // about four accounts without scrolling (a row is a title and a detail line)
        accounts.prefHeightProperty().bind(Bindings.when(Bindings.isEmpty(vm.accounts()))
                .then(EMPTY_LIST_HEIGHT).otherwise(ACCOUNT_LIST_HEIGHT));
        accounts.setMinHeight(EMPTY_LIST_HEIGHT);
        accounts.setPlaceholder(hint("No accounts yet: fill in the form below and save."));
        accounts.setAccessibleText("Accounts");
        accounts.getStyleClass().add("settings-account-list");
        HBox.setHgrow(accounts, Priority.ALWAYS);
        accounts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (syncing || now == null || now.id().equals(vm.editingIdProperty().get())) {
                return;
            }
            if (discardChanges(false)) {
                vm.edit(now.id());
            } else {
                selectEditedRow();
            }
        });
        vm.editingIdProperty().addListener((o, was, now) -> selectEditedRow());
        vm.accounts().addListener((ListChangeListener<AccountRow>) c -> selectEditedRow());

        Button add = new Button("_New account");
        add.setAccessibleText("Add an account");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> {
            if (discardChanges(false)) {
                vm.add();
            }
        });
        Button remove = new Button("_Remove…");
        remove.setAccessibleText("Remove the selected account");
        remove.setMaxWidth(Double.MAX_VALUE);
        remove.disableProperty().bind(vm.modeProperty().isNotEqualTo(Mode.EXISTING).or(vm.savingProperty()));
        remove.setOnAction(e -> confirmRemove());
        VBox buttons = new VBox(8, add, remove);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, accounts, buttons);

        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.modeProperty().get() == Mode.EXISTING
                ? "Edit account" : "New account", vm.modeProperty()));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-section-title");

        // the Test button sits right under the keys it tests; the base URL is rarely needed, so it is folded away
        VBox form = new VBox(10, title, providerRow(), labelRow(), regionRow(), teamIdRow(), keyRows, testRow(),
                thresholdRow(), intervalRow(), advanced());
        form.getStyleClass().add("settings-form");
        vm.keyFields().addListener((ListChangeListener<KeyField>) c -> rebuildKeyRows());
        form.disableProperty().bind(vm.modeProperty().isEqualTo(Mode.NONE).or(vm.loadingProperty()));

        VBox content = new VBox(12, top, new Separator(), form);
        content.setPadding(new Insets(14, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private Node providerRow() {
        ComboBox<ProviderChoice> combo = new ComboBox<>(vm.providerChoices());
        combo.setPromptText("Choose a provider");
        combo.setCellFactory(v -> new ProviderCell());
        // a custom button cell must show the prompt itself, or an empty choice looks like a blank box
        combo.setButtonCell(new ButtonCell<>(combo.getPromptText(), ProviderChoice::name));
        combo.setVisibleRowCount(12);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setAccessibleText("Provider");
        combo.setId("settings-provider");
        combo.disableProperty().bind(vm.providerEditableProperty().not());
        combo.setValue(vm.providerProperty().get());
        vm.providerProperty().addListener((o, was, now) -> {
            syncing = true;
            combo.setValue(now);
            syncing = false;
        });
        combo.valueProperty().addListener((o, was, now) -> {
            if (syncing || now == null || now.equals(vm.providerProperty().get())) {
                return;
            }
            if (!vm.chooseProvider(now)) {
                syncing = true;
                combo.setValue(vm.providerProperty().get());
                syncing = false;
            }
        });
        return row("_Provider", combo, message(vm.providerMessageProperty(), true), message(vm.providerErrorProperty(), true));
    }

    private Node labelRow() {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(vm.labelProperty());
        field.setPromptText("e.g. DeepSeek (work)");
        field.setAccessibleText("Account label");
        field.setId("settings-label");
        return row("_Label", field, message(vm.labelErrorShownProperty(), true));
    }

    private Node regionRow() {
        ComboBox<String> combo = new ComboBox<>();
        Bindings.bindContent(combo.getItems(), vm.regionChoices());
        combo.valueProperty().bindBidirectional(vm.regionProperty());
        combo.setConverter(converter(vm::regionName));
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setAccessibleText("Region");
        Label hint = hint("Keys belong to one platform; the wrong region answers “key rejected”.");
        Node row = row("Re_gion", combo, hint, message(vm.regionErrorProperty(), true));
        showWhen(row, Bindings.isNotEmpty(vm.regionChoices()));
        return row;
    }

    private void rebuildKeyRows() {
        keyRows.getChildren().clear();
        rowLabels.removeAll(keyLabels);
        keyLabels.clear();
        for (KeyField k : vm.keyFields()) {
            PasswordField field = new PasswordField();
            field.textProperty().bindBidirectional(k.textProperty());
            field.setPromptText("Paste the key");
            field.setAccessibleText(k.title());
            field.setAccessibleHelp(k.description());
            field.setTooltip(new Tooltip(k.description()));
            field.setId("settings-key-" + k.slot().name());
            Label status = hint("");
            status.textProperty().bind(k.statusProperty());
            status.managedProperty().bind(status.textProperty().isNotEmpty());
            status.visibleProperty().bind(status.managedProperty());
            k.statusProblemProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
                    PROBLEM, now));
            status.pseudoClassStateChanged(PROBLEM, k.statusProblemProperty().get());
            status.getStyleClass().add("settings-key-status");
            // mnemonics are unique across the window: API/Admin key K, Management key M
            String mnemonic = k.title().equals("Management key") ? "_Management key" : k.title().replace(" key", " _key");
            keyRows.getChildren().add(row(mnemonic, field, hint(k.description()), status, message(k.errorProperty(), true)));
            keyLabels.add(rowLabels.getLast());
        }
        if (stage.isShowing()) {
            fitLabels();
        }
    }

    private Node teamIdRow() {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(vm.teamIdProperty());
        field.setAccessibleText("Team id");
        Label hint = hint("");
        hint.textProperty().bind(vm.teamIdHintProperty());
        // Alt+I: Alt+T is the Test button's
        Node row = row("Team _id", field, hint);
        showWhen(row, vm.teamIdNeededProperty());
        return row;
    }

    private Node thresholdRow() {
        TextField amount = new TextField();
        amount.textProperty().bindBidirectional(vm.thresholdProperty());
        amount.setPromptText("none");
        amount.setPrefColumnCount(8);
        amount.setAccessibleText("Alert when the balance falls below this amount");
        amount.setId("settings-threshold");
        Label fixed = new Label();
        fixed.textProperty().bind(vm.fixedCurrencyProperty());
        fixed.getStyleClass().add("settings-currency");
        showWhen(fixed, vm.fixedCurrencyProperty().isNotNull());
        ComboBox<String> currency = new ComboBox<>();
        Bindings.bindContent(currency.getItems(), vm.currencyChoices());
        currency.valueProperty().bindBidirectional(vm.thresholdCurrencyProperty());
        currency.setPromptText("Currency");
        // the default button cell stops showing the prompt once the value went back to none
        currency.setButtonCell(new ButtonCell<>(currency.getPromptText(), c -> c));
        currency.setAccessibleText("Alert currency");
        currency.setId("settings-currency");
        showWhen(currency, vm.fixedCurrencyProperty().isNull());
        HBox line = new HBox(8, amount, fixed, currency);
        line.setAlignment(Pos.CENTER_LEFT);
        line.disableProperty().bind(vm.thresholdAvailableProperty().not());
        Label usage = hint("Notifies you once when the balance drops below this. Empty: no alert.");
        showWhen(usage, vm.thresholdAvailableProperty());
        return rowFor("_Alert below", line, amount, usage, message(vm.thresholdNoteProperty(), false),
                message(vm.thresholdErrorProperty(), true));
    }

    private Node intervalRow() {
        TextField minutes = new TextField();
        minutes.textProperty().bindBidirectional(vm.intervalProperty());
        minutes.setPrefColumnCount(4);
        minutes.setAccessibleText("Check every how many minutes");
        Label unit = new Label("minutes");
        HBox line = new HBox(8, minutes, unit);
        line.setAlignment(Pos.CENTER_LEFT);
        return rowFor("_Check every", line, minutes, message(vm.intervalErrorProperty(), true));
    }

    private Node advanced() {
        TextField url = new TextField();
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        url.promptTextProperty().bind(vm.baseUrlPromptProperty());
        url.setAccessibleText("Base URL");
        url.setId("settings-base-url");
        Node row = row("_Base URL", url,
                hint("Replaces the provider's address, e.g. for a proxy. https only (http only to this computer)."),
                message(vm.baseUrlErrorProperty(), true));
        TitledPane pane = new TitledPane("Advanced", row);
        pane.setAnimated(false);
        pane.getStyleClass().addAll(Styles.DENSE, "settings-advanced");
        pane.setAccessibleText("Advanced account settings");
        pane.setId("settings-advanced");
        // folded for each account opened unless it has a base URL; a custom or broken base URL is never hidden
        pane.expandedProperty().bindBidirectional(vm.advancedOpenProperty());
        return pane;
    }

    private Node testRow() {
        Button test = new Button("_Test");
        test.setAccessibleText("Test the key now");
        test.setId("settings-test");
        // stays enabled while a test runs (the view model ignores a second press): disabling it would move the
        // keyboard focus to the next field, where the next keystrokes would edit the alert level
        test.disableProperty().bind(vm.canTestProperty().not());
        test.setOnAction(e -> vm.test());
        test.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        showWhen(spinner, vm.testStateProperty().isEqualTo(TestState.RUNNING));
        Label result = new Label();
        result.textProperty().bind(vm.testMessageProperty());
        result.setWrapText(true);
        result.setId("settings-test-result");
        result.getStyleClass().add("settings-test-result");
        result.setAccessibleRole(AccessibleRole.TEXT);
        Map<TestState, String> classes = Map.of(TestState.OK, "settings-test-ok", TestState.FAILED, "settings-test-failed",
                TestState.RUNNING, "settings-test-running");
        vm.testStateProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll(classes.values());
            if (classes.containsKey(now)) {
                result.getStyleClass().add(classes.get(now));
            }
        });
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(10, test, spinner, result);
        line.setAlignment(Pos.CENTER_LEFT);
        line.paddingProperty().bind(Bindings.createObjectBinding(() -> new Insets(4, 0, 0, labelWidth.get() + 10), labelWidth));
        return line;
    }

    private Node keychainNote() {
        Label note = new Label();
        note.textProperty().bind(vm.keychainMessageProperty());
        note.setWrapText(true);
        note.getStyleClass().add("settings-keychain");
        vm.keychainProperty().addListener((o, was, now) -> note.pseudoClassStateChanged(
                PROBLEM, now != null && !now.isAvailable()));
        note.setMaxWidth(Double.MAX_VALUE);
        return note;
    }

    // ---------------------------------------------------------------- general tab

    private Node generalPane() {
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

        Label keysTitle = new Label("Keys");
        keysTitle.getStyleClass().add("settings-group-title");

        VBox box = new VBox(6,
                login, indent(loginHint),
                gap(), notify, indent(hint("Low balance, exhausted balance and rejected keys, once each.")),
                gap(), themeTitle, themeLine, indent(hint("System follows your desktop's light or dark setting.")),
                gap(), hide, indent(hint("Shows ••• instead of amounts in the window, tray and notifications — for screen sharing.")),
                gap(), keysTitle, keychainNote());
        box.setPadding(new Insets(16));
        box.getStyleClass().add("settings-general");
        box.disableProperty().bind(vm.loadingProperty());
        // a Tab sets its content's disable state itself, so the bound box sits inside a plain container
        return new VBox(box);
    }

    private static void selectTheme(ToggleGroup group, Preferences.Theme t) {
        group.getToggles().stream().filter(x -> x.getUserData() == t).findFirst().ifPresent(x -> x.setSelected(true));
    }

    // ---------------------------------------------------------------- footer

    private Node footer() {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setId("settings-status");
        status.getStyleClass().add("settings-status");
        vm.statusKindProperty().addListener((o, was, now) -> {
            status.getStyleClass().removeAll("settings-status-error", "settings-status-success");
            if (now == StatusKind.ERROR) {
                status.getStyleClass().add("settings-status-error");
            } else if (now == StatusKind.SUCCESS) {
                status.getStyleClass().add("settings-status-success");
            }
        });
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setAccessibleText("Close settings");
        close.setOnAction(e -> {
            if (discardChanges(true)) {
                stage.close();
            }
        });
        close.setMinWidth(Region.USE_PREF_SIZE);
        Button save = new Button("_Save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setAccessibleText("Save settings");
        save.setId("settings-save");
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        save.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, status, close, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 16, 12, 16));
        bar.getStyleClass().add("settings-footer");
        return bar;
    }

    // ---------------------------------------------------------------- helpers

    private void selectEditedRow() {
        String id = vm.editingIdProperty().get();
        syncing = true;
        try {
            if (id == null) {
                accounts.getSelectionModel().clearSelection();
                return;
            }
            for (AccountRow r : accounts.getItems()) {
                if (r.id().equals(id)) {
                    accounts.getSelectionModel().select(r);
                    return;
                }
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * Asks before unsaved edits are thrown away: the account form's when switching accounts, and when
     * {@code closing}, the general settings' too. True when there is nothing to lose or the user chose to discard.
     */
    private boolean discardChanges(boolean closing) {
        boolean form = vm.formDirtyProperty().get();
        boolean general = closing && vm.generalDirtyProperty().get();
        if (!form && !general) {
            return true;
        }
        boolean key = form && vm.keyFields().stream().anyMatch(k -> k.textProperty().get() != null
                && !k.textProperty().get().isBlank());
        String where = form && general ? "The account form and the general settings have" : form ? "The account form has"
                : "The general settings have";
        String what = where + " changes that are not saved" + (key ? ", including the key you typed." : ".");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, what,
                new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        a.initOwner(stage);
        AppIcon.applyTo(a);
        a.setHeaderText("Discard your changes?");
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private void confirmRemove() {
        String id = vm.editingIdProperty().get();
        AccountRow r = accounts.getItems().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (r == null) {
            return;
        }
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, vm.removeDetail(), remove, ButtonType.CANCEL);
        a.initOwner(stage);
        AppIcon.applyTo(a);
        a.setHeaderText("Remove " + r.label() + "?");
        if (a.showAndWait().orElse(ButtonType.CANCEL) == remove) {
            vm.remove(id);
        }
    }

    /** A form row: a mnemonic label in the shared label column, then the control with its hints and messages below it. */
    private Node row(String label, Control control, Node... below) {
        return rowFor(label, control, control, below);
    }

    private Node rowFor(String label, Node content, Control target, Node... below) {
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

    /** Widens the label column to its longest label as the theme's font draws it (at least {@value #LABEL_WIDTH}). */
    private void fitLabels() {
        double widest = LABEL_WIDTH;
        for (Label l : rowLabels) {
            l.applyCss();
            Text t = new Text(l.getText().replaceFirst("_", ""));
            t.setFont(l.getFont());
            widest = Math.max(widest, Math.ceil(t.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset()) + 2);
        }
        labelWidth.set(widest);
    }

    private static Label message(ObservableStringValue text, boolean error) {
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

    private static Label hint(String text) {
        Label h = new Label(text);
        h.setWrapText(true);
        h.getStyleClass().add("settings-hint");
        h.managedProperty().bind(h.textProperty().isNotEmpty());
        h.visibleProperty().bind(h.managedProperty());
        return h;
    }

    private static Node indent(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(0, 0, 0, 28));
        return box;
    }

    private static Node gap() {
        Region r = new Region();
        r.setMinHeight(8);
        return r;
    }

    private static void showWhen(Node n, ObservableBooleanValue condition) {
        n.managedProperty().bind(condition);
        n.visibleProperty().bind(condition);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
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

    /** Account label above its provider, interval and alert. */
    private static final class AccountCell extends ListCell<AccountRow> {
        @Override
        protected void updateItem(AccountRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label title = new Label(item.label());
            title.getStyleClass().add("settings-account-title");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("settings-hint");
            setGraphic(new VBox(1, title, detail));
            setText(null);
            setAccessibleText(item.label() + ", " + item.detail());
        }
    }

    /** A combo box's button: the chosen item's text, or the prompt (muted) when nothing is chosen. */
    private static final class ButtonCell<T> extends ListCell<T> {
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
            getStyleClass().remove("settings-prompt");
            if (empty || item == null) {
                setText(prompt);
                getStyleClass().add("settings-prompt");
            } else {
                setText(text.apply(item));
            }
        }
    }

    /** Supported providers by name; unsupported ones greyed, not selectable, with the reason under the name. */
    private static final class ProviderCell extends ListCell<ProviderChoice> {
        @Override
        protected void updateItem(ProviderChoice item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("settings-provider-unsupported");
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
            Label name = new Label(item.name() + " — balance not available");
            name.getStyleClass().add("settings-provider-name");
            Label reason = new Label(item.reason());
            reason.setWrapText(true);
            reason.setMaxWidth(320);
            reason.getStyleClass().add("settings-provider-reason");
            setText(null);
            setGraphic(new VBox(2, name, reason));
            setDisable(true);
            getStyleClass().add("settings-provider-unsupported");
            setTooltip(new Tooltip(item.reason()));
            setAccessibleText(item.name() + ", not supported: " + item.reason());
        }
    }
}
