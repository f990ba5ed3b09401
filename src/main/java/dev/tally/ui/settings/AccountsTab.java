package dev.tally.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import dev.tally.ui.settings.AccountListViewModel.AccountRow;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static dev.tally.ui.settings.FormLayout.hint;

/**
 * The Accounts tab: the list with New and Remove on the left, the {@link AccountFormView} beside it. Wired to the
 * {@link AccountListViewModel} and the form's view model. FX thread only.
 */
final class AccountsTab {
    /** The list column's width at the default size; account labels longer than it end in an ellipsis. */
    static final double LIST_WIDTH = 250;
    private static final double LIST_MIN_WIDTH = 230;
    private static final double EMPTY_LIST_HEIGHT = 96;

    private final SettingsViewModel vm;
    private final AccountFormViewModel form;
    private final ListView<AccountRow> accounts = new ListView<>();
    private final BooleanSupplier discardFormChanges;
    private final Supplier<Window> owner;
    private final HBox pane;
    private boolean syncing;

    /**
     * @param discardFormChanges asks before unsaved form edits are thrown away; true when they may be
     * @param owner              the window confirmations belong to
     */
    AccountsTab(SettingsViewModel vm, AccountFormView formView, BooleanSupplier discardFormChanges, Supplier<Window> owner) {
        this.vm = vm;
        this.form = vm.form();
        this.discardFormChanges = discardFormChanges;
        this.owner = owner;
        AccountListViewModel list = vm.list();
        accounts.setItems(list.accounts());
        accounts.setCellFactory(v -> new SettingsCells.AccountCell());
        // the list fills the left column: a dozen accounts are seen without scrolling at the default size
        accounts.setMinHeight(EMPTY_LIST_HEIGHT);
        Label empty = hint(SettingsPhrase.LIST_EMPTY.say());
        empty.setPadding(new Insets(12));
        accounts.setPlaceholder(empty);
        accounts.setAccessibleText(SettingsPhrase.LIST_ACCESSIBLE.say());
        accounts.getStyleClass().add("settings-account-list");
        VBox.setVgrow(accounts, Priority.ALWAYS);
        accounts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (syncing || now == null || now.id().equals(form.editingIdProperty().get())) {
                return;
            }
            if (discardFormChanges.getAsBoolean()) {
                form.edit(now.id());
            } else {
                selectEditedRow();
            }
        });
        form.editingIdProperty().addListener((o, was, now) -> selectEditedRow());
        list.accounts().addListener((ListChangeListener<AccountRow>) c -> selectEditedRow());
        vm.loadingProperty().addListener((o, was, loading) -> {
            if (!loading) {
                selectEditedRow();
            }
        });

        Button add = new Button(SettingsPhrase.NEW_ACCOUNT.say());
        add.setAccessibleText(SettingsPhrase.NEW_ACCOUNT_ACCESSIBLE.say());
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> {
            if (discardFormChanges.getAsBoolean()) {
                form.add();
            }
        });
        Button remove = new Button(SettingsPhrase.REMOVE.say());
        remove.setAccessibleText(SettingsPhrase.REMOVE_ACCESSIBLE.say());
        remove.setId("settings-remove");
        remove.setMaxWidth(Double.MAX_VALUE);
        remove.disableProperty().bind(form.modeProperty().isNotEqualTo(Mode.EXISTING).or(vm.savingProperty()));
        remove.setOnAction(e -> confirmRemove());
        HBox buttons = new HBox(8, add, remove);
        HBox.setHgrow(add, Priority.ALWAYS);
        HBox.setHgrow(remove, Priority.ALWAYS);
        VBox left = new VBox(8, accounts, buttons);
        left.setPadding(new Insets(14, 0, 14, 16));
        left.setPrefWidth(LIST_WIDTH);
        left.setMinWidth(LIST_MIN_WIDTH);
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        left.getStyleClass().add("settings-list-column");

        // the form beside the list, scrolling on its own only where the window is made smaller than its default
        VBox content = new VBox(formView.node());
        content.setPadding(new Insets(14, 16, 16, 4));
        ScrollPane formPane = new ScrollPane(content);
        formPane.setFitToWidth(true);
        formPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formPane.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE);
        formPane.setId("settings-form-pane");
        HBox.setHgrow(formPane, Priority.ALWAYS);
        Separator line = new Separator(javafx.geometry.Orientation.VERTICAL);
        pane = new HBox(12, left, line, formPane);
    }

    Node node() {
        return pane;
    }

    private void selectEditedRow() {
        String id = form.editingIdProperty().get();
        syncing = true;
        try {
            if (id == null) {
                accounts.getSelectionModel().clearSelection();
                return;
            }
            for (AccountRow r : accounts.getItems()) {
                if (r.id().equals(id)) {
                    accounts.getSelectionModel().select(r);
                    // shown, not only selected: scrolled to when it is below the visible rows
                    accounts.scrollTo(r);
                    return;
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void confirmRemove() {
        String id = form.editingIdProperty().get();
        AccountRow r = accounts.getItems().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (r == null) {
            return;
        }
        if (SettingsDialog.confirm(owner.get(), SettingsPhrase.REMOVE_TITLE.say(r.label()), form.keys().removeDetail(),
                SettingsPhrase.REMOVE_ACTION.say())) {
            vm.list().remove(id);
        }
    }
}
