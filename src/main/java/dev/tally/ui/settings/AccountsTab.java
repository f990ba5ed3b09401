package dev.tally.ui.settings;

import atlantafx.base.theme.Tweaks;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import dev.tally.ui.settings.AccountListViewModel.AccountRow;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * The Accounts tab: the list with New and Remove, above the {@link AccountFormView}. Wired to the
 * {@link AccountListViewModel} and the form's view model. FX thread only.
 */
final class AccountsTab {
    static final double ACCOUNT_LIST_HEIGHT = 196;
    private static final double EMPTY_LIST_HEIGHT = 96;

    private final SettingsViewModel vm;
    private final AccountFormViewModel form;
    private final ListView<AccountRow> accounts = new ListView<>();
    private final BooleanSupplier discardFormChanges;
    private final Supplier<Window> owner;
    private final ScrollPane pane;
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
        // about four accounts without scrolling (a row is a title and a detail line)
        accounts.prefHeightProperty().bind(Bindings.when(Bindings.isEmpty(list.accounts()))
                .then(EMPTY_LIST_HEIGHT).otherwise(ACCOUNT_LIST_HEIGHT));
        accounts.setMinHeight(EMPTY_LIST_HEIGHT);
        accounts.setPlaceholder(hint("No accounts yet: fill in the form below and save."));
        accounts.setAccessibleText("Accounts");
        accounts.getStyleClass().add("settings-account-list");
        HBox.setHgrow(accounts, Priority.ALWAYS);
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

        Button add = new Button("_New account");
        add.setAccessibleText("Add an account");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> {
            if (discardFormChanges.getAsBoolean()) {
                form.add();
            }
        });
        Button remove = new Button("_Remove…");
        remove.setAccessibleText("Remove the selected account");
        remove.setId("settings-remove");
        remove.setMaxWidth(Double.MAX_VALUE);
        remove.disableProperty().bind(form.modeProperty().isNotEqualTo(Mode.EXISTING).or(vm.savingProperty()));
        remove.setOnAction(e -> confirmRemove());
        VBox buttons = new VBox(8, add, remove);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, accounts, buttons);

        VBox content = new VBox(12, top, new Separator(), formView.node());
        content.setPadding(new Insets(14, 16, 16, 16));
        pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE);
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
        if (SettingsDialog.confirm(owner.get(), "Remove " + r.label() + "?", form.keys().removeDetail(), "Remove")) {
            vm.list().remove(id);
        }
    }
}
