package dev.tally.ui.settings;

import atlantafx.base.theme.Styles;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import dev.tally.ui.settings.AccountFormViewModel.ProviderChoice;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static dev.tally.ui.settings.FormLayout.converter;
import static dev.tally.ui.settings.FormLayout.hint;
import static dev.tally.ui.settings.FormLayout.message;
import static dev.tally.ui.settings.FormLayout.showWhen;

/**
 * The account form's controls, wired to an {@link AccountFormViewModel}: provider, label, region, the provider's own
 * fields, one key row per key slot, Test, alert level, interval and the folded Advanced section. FX thread only.
 */
final class AccountFormView {
    /** The key rows' Alt+letters ({@link #rebuildKeyRows}): API/Admin key K, Management key M. */
    private static final Set<Character> KEY_MNEMONICS = Set.of('k', 'm');

    private final AccountFormViewModel vm;
    private final FormLayout layout;
    private final BooleanSupplier showing;
    private final VBox keyRows = new VBox(10);
    private final VBox fieldRows = new VBox(10);
    private final List<Label> keyLabels = new ArrayList<>();
    private final VBox form;
    private final FieldValidation validation = new FieldValidation();
    private boolean syncing;

    /** @param showing whether the window is on screen (the label column is then refitted when key rows change) */
    AccountFormView(SettingsViewModel settings, FormLayout layout, BooleanSupplier showing) {
        this.vm = settings.form();
        this.layout = layout;
        this.showing = showing;
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.modeProperty().get() == Mode.EXISTING
                ? SettingsPhrase.FORM_EDIT.say() : SettingsPhrase.FORM_NEW.say(), vm.modeProperty()));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-section-title");
        // the Test button sits right under the keys it tests; the base URL is rarely needed, so it is folded away
        form = new VBox(10, title, providerRow(), labelRow(), regionRow(), fieldRows, keySourceRow(), keyRows,
                TestConnectionView.row(settings.connection(), layout.labelWidth()), topUpRow(SettingsPhrase.TOP_UP.say(), true),
                thresholdRow(), intervalRow(), advanced());
        form.getStyleClass().add("settings-form");
        vm.keyFields().addListener((ListChangeListener<KeyFieldViewModel>) c -> rebuildKeyRows());
        form.disableProperty().bind(vm.modeProperty().isEqualTo(Mode.NONE).or(settings.loadingProperty()));
    }

    Node node() {
        return form;
    }

    private Node providerRow() {
        ComboBox<ProviderChoice> combo = new ComboBox<>(vm.providerChoices());
        combo.setPromptText(SettingsPhrase.PROVIDER_PROMPT.say());
        combo.setCellFactory(v -> new SettingsCells.ProviderCell());
        // a custom button cell must show the prompt itself, or an empty choice looks like a blank box
        combo.setButtonCell(new SettingsCells.ButtonCell<>(combo.getPromptText(), ProviderChoice::name));
        combo.setVisibleRowCount(12);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setAccessibleText(SettingsPhrase.PROVIDER_ACCESSIBLE.say());
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
        return layout.row(SettingsPhrase.PROVIDER.say(), combo, message(vm.providerMessageProperty(), true),
                message(vm.providerErrorProperty(), true));
    }

    private Node labelRow() {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(vm.labelProperty());
        field.setPromptText(SettingsPhrase.LABEL_PROMPT.say());
        field.setAccessibleText(SettingsPhrase.LABEL_ACCESSIBLE.say());
        field.setId("settings-label");
        validation.watch(field, vm.labelErrorShownProperty());
        return layout.row(SettingsPhrase.LABEL.say(), field, message(vm.labelErrorShownProperty(), true));
    }

    private Node regionRow() {
        ComboBox<String> combo = new ComboBox<>();
        Bindings.bindContent(combo.getItems(), vm.regionChoices());
        combo.valueProperty().bindBidirectional(vm.regionProperty());
        combo.setConverter(converter(vm::regionName));
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setAccessibleText(SettingsPhrase.REGION_ACCESSIBLE.say());
        Label hint = hint(SettingsPhrase.REGION_HINT.say());
        Node row = layout.row(SettingsPhrase.REGION.say(), combo, hint, message(vm.regionErrorProperty(), true));
        showWhen(row, Bindings.isNotEmpty(vm.regionChoices()));
        return row;
    }

    /**
     * One row per provider-declared field, shown while the chosen provider declares it. Built once the rest of the
     * window exists ({@code window}), so each gets an Alt+letter no other control uses.
     */
    void buildFieldRows(Parent window) {
        Set<Character> taken = Mnemonics.taken(window);
        taken.addAll(KEY_MNEMONICS);
        for (ProviderFieldViewModel f : vm.fields()) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(f.textProperty());
            field.setAccessibleText(f.label());
            field.setId("settings-field-" + f.id());
            Label hint = hint("");
            hint.textProperty().bind(f.hintProperty());
            validation.watch(field, f.errorProperty());
            Node row = layout.row(Mnemonics.pick(f.label(), taken), field, hint, message(f.errorProperty(), true));
            showWhen(row, f.neededProperty());
            fieldRows.getChildren().add(row);
        }
        // with no field shown, the box takes no room (nor the form's spacing around it)
        showWhen(fieldRows, Bindings.createBooleanBinding(() -> vm.fields().stream().anyMatch(f -> f.neededProperty().get()),
                vm.fields().stream().map(ProviderFieldViewModel::neededProperty).toArray(javafx.beans.Observable[]::new)));
    }

    private void rebuildKeyRows() {
        keyRows.getChildren().clear();
        layout.forget(keyLabels);
        keyLabels.clear();
        for (KeyFieldViewModel k : vm.keyFields()) {
            KeyField field = new KeyField(SettingsPhrase.KEY_SHOW.say(), SettingsPhrase.KEY_HIDE.say(),
                    SettingsPhrase.KEY_CLEAR.say());

            field.textProperty().bindBidirectional(k.textProperty());
            field.setPromptText(SettingsPhrase.KEY_PROMPT.say());
            field.setAccessibleText(k.title());
            field.setAccessibleHelp(k.description());
            field.setTooltip(new Tooltip(k.description()));
            field.setId("settings-key-" + k.slot().name());
            Label status = hint("");
            status.textProperty().bind(k.statusProperty());
            status.managedProperty().bind(status.textProperty().isNotEmpty());
            status.visibleProperty().bind(status.managedProperty());
            k.statusProblemProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
                    FormLayout.PROBLEM, now));
            status.pseudoClassStateChanged(FormLayout.PROBLEM, k.statusProblemProperty().get());
            status.getStyleClass().add("settings-key-status");
            // mnemonics are unique across the window: API/Admin key K, Management key M
            String mnemonic = k.mnemonicTitle();
            validation.watch(field, k.errorProperty());
            Node row = layout.row(mnemonic, field, hint(k.description()), status, message(k.errorProperty(), true));
            if (k == vm.keyFields().getFirst()) {
                // the primary key is typed only when it is kept in the keychain
                showWhen(row, vm.keySource().sourceProperty().isEqualTo(KeySourceViewModel.Source.KEYCHAIN));
            }
            keyRows.getChildren().add(row);
            keyLabels.add(layout.lastLabel());
        }
        if (showing.getAsBoolean()) {
            layout.fitLabels();
        }
    }

    /** Key from: Keychain / Environment variable / Command, with the password managers' commands as presets. */
    private Node keySourceRow() {
        KeySourceViewModel ks = vm.keySource();
        ComboBox<KeySourceViewModel.Source> from = new ComboBox<>();
        from.getItems().setAll(KeySourceViewModel.Source.values());
        from.valueProperty().bindBidirectional(ks.sourceProperty());
        from.setAccessibleText(SettingsPhrase.KEY_FROM_ACCESSIBLE.say());
        from.setId("settings-key-source");
        MenuButton presets = new MenuButton(SettingsPhrase.PRESETS.say());
        presets.setAccessibleText(SettingsPhrase.PRESETS_ACCESSIBLE.say());
        presets.setId("settings-key-presets");
        for (KeySourceViewModel.Preset p : KeySourceViewModel.PRESETS) {
            MenuItem item = new MenuItem(p.name());
            item.setOnAction(e -> ks.usePreset(p));
            presets.getItems().add(item);
        }
        HBox line = new HBox(8, from, presets);
        line.setAlignment(Pos.CENTER_LEFT);
        TextField command = new TextField();
        command.textProperty().bindBidirectional(ks.commandProperty());
        command.setPromptText(SettingsPhrase.COMMAND_PROMPT.say());
        command.setAccessibleText(SettingsPhrase.COMMAND_ACCESSIBLE.say());
        command.setId("settings-key-command");
        showWhen(command, ks.sourceProperty().isEqualTo(KeySourceViewModel.Source.COMMAND));
        Label note = hint("");
        note.textProperty().bind(ks.noteProperty());
        Node row = layout.rowFor(SettingsPhrase.KEY_FROM.say(), line, from, command, note, message(ks.errorProperty(), true));
        showWhen(row, Bindings.isNotEmpty(vm.keyFields()));
        return row;
    }

    /** What the user had after the last top-up, and when: the basis of an estimated balance. */
    private Node topUpRow(String label, boolean spendOnly) {
        TopUpViewModel t = vm.topUp();
        TextField amount = new TextField();
        amount.textProperty().bindBidirectional(t.amountProperty());
        amount.setPromptText(SettingsPhrase.TOP_UP_PROMPT.say());
        amount.setPrefColumnCount(9);
        amount.setAccessibleText(SettingsPhrase.TOP_UP_ACCESSIBLE.say());
        amount.setId("settings-topup");
        TextField date = new TextField();
        date.textProperty().bindBidirectional(t.dateProperty());
        date.setPromptText(SettingsPhrase.TOP_UP_DATE_PROMPT.say());
        date.setPrefColumnCount(10);
        date.setAccessibleText(SettingsPhrase.TOP_UP_DATE_ACCESSIBLE.say());
        date.setId("settings-topup-date");
        HBox line = new HBox(8, amount, new Label(SettingsPhrase.TOP_UP_ON.say()), date);
        line.setAlignment(Pos.CENTER_LEFT);
        Label usage = hint(SettingsPhrase.TOP_UP_HINT.say());
        Node row = layout.rowFor(label, line, amount, usage, message(t.errorProperty(), true));
        // where the provider reports spend only it is the way to a balance; elsewhere it waits under Advanced
        showWhen(row, spendOnly ? vm.spendOnlyProperty() : vm.spendOnlyProperty().not());
        return row;
    }

    private Node thresholdRow() {
        TextField amount = new TextField();
        amount.textProperty().bindBidirectional(vm.thresholdProperty());
        amount.setPromptText(SettingsPhrase.ALERT_PROMPT.say());
        amount.setPrefColumnCount(8);
        amount.setAccessibleText(SettingsPhrase.ALERT_ACCESSIBLE.say());
        amount.setId("settings-threshold");
        Label fixed = new Label();
        fixed.textProperty().bind(vm.fixedCurrencyProperty());
        fixed.getStyleClass().add("settings-currency");
        showWhen(fixed, vm.fixedCurrencyProperty().isNotNull());
        ComboBox<String> currency = new ComboBox<>();
        Bindings.bindContent(currency.getItems(), vm.currencyChoices());
        currency.valueProperty().bindBidirectional(vm.thresholdCurrencyProperty());
        currency.setPromptText(SettingsPhrase.ALERT_CURRENCY_PROMPT.say());
        // the default button cell stops showing the prompt once the value went back to none
        currency.setButtonCell(new SettingsCells.ButtonCell<>(currency.getPromptText(), c -> c));
        currency.setAccessibleText(SettingsPhrase.ALERT_CURRENCY_ACCESSIBLE.say());
        currency.setId("settings-currency");
        showWhen(currency, vm.fixedCurrencyProperty().isNull());
        HBox line = new HBox(8, amount, fixed, currency);
        line.setAlignment(Pos.CENTER_LEFT);
        line.disableProperty().bind(vm.thresholdAvailableProperty().not());
        Label usage = hint(SettingsPhrase.ALERT_HINT.say());
        showWhen(usage, vm.thresholdAvailableProperty());
        validation.watch(amount, vm.thresholdErrorProperty());
        return layout.rowFor(SettingsPhrase.ALERT.say(), line, amount, usage, message(vm.thresholdNoteProperty(), false),
                message(vm.thresholdErrorProperty(), true));
    }

    private Node intervalRow() {
        TextField minutes = new TextField();
        minutes.textProperty().bindBidirectional(vm.intervalProperty());
        minutes.setPrefColumnCount(4);
        minutes.setAccessibleText(SettingsPhrase.INTERVAL_ACCESSIBLE.say());
        Label unit = new Label(SettingsPhrase.INTERVAL_UNIT.say());
        HBox line = new HBox(8, minutes, unit);
        line.setAlignment(Pos.CENTER_LEFT);
        validation.watch(minutes, vm.intervalErrorProperty());
        return layout.rowFor(SettingsPhrase.INTERVAL.say(), line, minutes, message(vm.intervalErrorProperty(), true));
    }

    private Node advanced() {
        TextField url = new TextField();
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        url.promptTextProperty().bind(vm.baseUrlPromptProperty());
        url.setAccessibleText(SettingsPhrase.BASE_URL_ACCESSIBLE.say());
        url.setId("settings-base-url");
        validation.watch(url, vm.baseUrlErrorProperty());
        Node row = layout.row(SettingsPhrase.BASE_URL.say(), url,
                hint(SettingsPhrase.BASE_URL_HINT.say()),
                message(vm.baseUrlErrorProperty(), true));
        TitledPane pane = new TitledPane(SettingsPhrase.ADVANCED.say(), new VBox(10, row, topUpRow(SettingsPhrase.TOP_UP.say(), false)));
        pane.setAnimated(false);
        pane.getStyleClass().addAll(Styles.DENSE, "settings-advanced");
        pane.setAccessibleText(SettingsPhrase.ADVANCED_ACCESSIBLE.say());
        pane.setId("settings-advanced");
        // folded for each account opened unless it has a base URL; a custom or broken base URL is never hidden
        pane.expandedProperty().bindBidirectional(vm.advancedOpenProperty());
        return pane;
    }
}
