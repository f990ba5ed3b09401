package dev.tally.ui.settings;

import atlantafx.base.theme.Styles;
import dev.tally.ui.AppIcon;
import dev.tally.ui.CjkFont;
import dev.tally.ui.ScreenFit;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The settings window: the Accounts tab ({@link AccountsTab}: list, {@link AccountFormView form}, Test) and the
 * {@link GeneralTab}, above a footer with the status line, Close and Save. The views only wire controls to a
 * {@link SettingsViewModel}; every decision and all I/O live in its view models.
 *
 * <p>Keyboard: every field has a mnemonic (Alt + underlined letter), Enter saves (never from a combo box), Esc closes, Ctrl+Tab switches
 * between the Accounts and General tabs. Controls carry accessible names for screen readers.
 *
 * <p>Threads: create and use on the FX thread only.
 */
public final class SettingsDialog {
    /** The default size: the account list beside the whole form, no outer scrolling (smaller on a smaller work area). */
    static final double WIDTH = 820;
    static final double HEIGHT = 660;

    private final SettingsViewModel vm;
    private final Stage stage = new Stage();
    private final FormLayout layout = new FormLayout();
    /** The account whose key field takes the focus once it is open ("Edit key…" on a card), or null. */
    private String focusKeyOf;

    /** @param owner the window it belongs to, or {@code null} when Tally has no window open */
    public SettingsDialog(SettingsViewModel vm, Window owner) {
        this.vm = Objects.requireNonNull(vm, "vm");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(SettingsPhrase.TITLE.say());
        AppIcon.applyTo(stage);
        stage.setMinWidth(600);
        stage.setMinHeight(420);

        AccountFormView form = new AccountFormView(vm, layout, stage::isShowing);
        AccountsTab accounts = new AccountsTab(vm, form, () -> discardChanges(false), () -> stage);
        TabPane tabs = new TabPane(new Tab(SettingsPhrase.TAB_ACCOUNTS.say(), accounts.node()),
                new Tab(SettingsPhrase.TAB_GENERAL.say(), GeneralTab.pane(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("settings-tabs");
        tabs.setAccessibleText(SettingsPhrase.TABS_ACCESSIBLE.say());

        BorderPane root = new BorderPane(tabs);
        root.setBottom(footer());
        form.buildFieldRows(root);
        root.getStyleClass().add("settings-root");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(SettingsDialog.class.getResource("/dev/tally/ui/tally.css"),
                "tally.css").toExternalForm());
        // in Chinese, a Simplified Chinese font by name (fontconfig's fallback may give Japanese glyph forms)
        CjkFont.stylesheet().ifPresent(scene.getStylesheets()::add);
        stage.setScene(scene);
        // Enter in a combo box (the Provider box) picks the item and closes the list; it never reaches Save
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                    && scene.getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?> box) {
                e.consume();
                if (box.isShowing()) {
                    box.hide();
                }
            }
        });
        // "Edit key…": once the account is open and its key rows exist, the first key field has the focus
        vm.loadingProperty().addListener((o, was, loading) -> focusKeyWhenOpen());
        vm.form().editingIdProperty().addListener((o, was, now) -> focusKeyWhenOpen());
        stage.setOnShown(e -> layout.fitLabels());
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

    /**
     * Loads the settings and shows the window with {@code accountId} open in the form and its key field focused
     * ("Edit key…" on a card). With {@code null}, the account that was open when the window was last shown stays
     * selected (the first account the first time).
     */
    public void show(String accountId) {
        focusKeyOf = accountId;
        String open = accountId != null ? accountId : vm.form().editingIdProperty().get();
        vm.load(open);
        // never partly off-screen: the first time centred over the main window, later where it was, kept inside
        // the work area of its screen (a place from a larger screen, a high scale factor)
        ScreenFit.place(stage, WIDTH, HEIGHT, stage.getOwner());
        stage.show();
        stage.toFront();
    }

    private void focusKeyWhenOpen() {
        String id = focusKeyOf;
        if (id == null || vm.loadingProperty().get() || !id.equals(vm.form().editingIdProperty().get())) {
            return;
        }
        focusKeyOf = null;
        javafx.application.Platform.runLater(() -> vm.form().keyFields().stream().findFirst()
                .map(k -> stage.getScene().getRoot().lookup("#settings-key-" + k.slot().name()))
                .ifPresent(Node::requestFocus));
    }

    /**
     * A confirmation whose default (Enter) and focused button is Cancel: a destructive choice is never one keystroke
     * away. True when the user chose {@code action}.
     */
    static boolean confirm(Window owner, String header, String text, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, yes, ButtonType.CANCEL);
        a.initOwner(owner);
        AppIcon.applyTo(a);
        CjkFont.stylesheet().ifPresent(a.getDialogPane().getStylesheets()::add);
        a.setHeaderText(header);
        Button ok = (Button) a.getDialogPane().lookupButton(yes);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        ok.setDefaultButton(false);
        cancel.setDefaultButton(true);
        a.setOnShown(e -> cancel.requestFocus());
        return a.showAndWait().orElse(ButtonType.CANCEL) == yes;
    }

    public Stage stage() {
        return stage;
    }

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

        Button close = new Button(SettingsPhrase.CLOSE.say());
        close.setCancelButton(true);
        close.setAccessibleText(SettingsPhrase.CLOSE_ACCESSIBLE.say());
        close.setOnAction(e -> {
            if (discardChanges(true)) {
                stage.close();
            }
        });
        close.setMinWidth(Region.USE_PREF_SIZE);
        Button save = new Button(SettingsPhrase.SAVE.say());
        // Enter saves, except from a combo box (the Provider box): there Enter picks the item, it never saves
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setAccessibleText(SettingsPhrase.SAVE_ACCESSIBLE.say());
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

    /**
     * Asks before unsaved edits are thrown away: the account form's when switching accounts, and when
     * {@code closing}, the general settings' too. True when there is nothing to lose or the user chose to discard.
     */
    private boolean discardChanges(boolean closing) {
        boolean form = vm.form().dirtyProperty().get();
        boolean general = closing && vm.general().dirtyProperty().get();
        if (!form && !general) {
            return true;
        }
        boolean key = form && vm.form().keyFields().stream().anyMatch(k -> k.textProperty().get() != null
                && !k.textProperty().get().isBlank());
        SettingsPhrase what = form && general ? (key ? SettingsPhrase.DISCARD_BOTH_KEY : SettingsPhrase.DISCARD_BOTH)
                : form ? (key ? SettingsPhrase.DISCARD_FORM_KEY : SettingsPhrase.DISCARD_FORM) : SettingsPhrase.DISCARD_GENERAL;
        return confirm(stage, SettingsPhrase.DISCARD_TITLE.say(), what.say(), SettingsPhrase.DISCARD_ACTION.say());
    }
}
