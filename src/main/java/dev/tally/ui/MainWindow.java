package dev.tally.ui;

import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The main window: header (Refresh all, Settings), a scrolling list of cards or the empty state, a footer. Wiring only. */
public final class MainWindow {
    public static final double WIDTH = 380;
    public static final double HEIGHT = 560;

    private static final javafx.css.PseudoClass ATTENTION = javafx.css.PseudoClass.getPseudoClass("attention");
    private final Stage stage;
    /** The card shown for each view model; FX thread. */
    private Map<BalanceCardViewModel, Region> shown = new IdentityHashMap<>();
    private ScrollPane scroll;

    public MainWindow(Stage stage, MainViewModel vm) {
        this.stage = stage;
        Label title = new Label("Tally");
        title.getStyleClass().add("tally-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button refreshAll = new Button(dev.tally.status.Phrase.ACTION_REFRESH_ALL.say());
        refreshAll.setAccessibleText(dev.tally.status.Phrase.WINDOW_REFRESH_ALL_ACCESSIBLE.say());
        refreshAll.setTooltip(new Tooltip(dev.tally.status.Phrase.WINDOW_REFRESH_ALL_HINT.say()));
        refreshAll.setOnAction(e -> vm.refreshAll());
        // not disabled while the cards refresh (each card shows its own progress): a disabled button loses the focus
        refreshAll.disableProperty().bind(vm.emptyProperty());
        Button settings = new Button(dev.tally.status.Phrase.ACTION_SETTINGS.say());
        settings.setAccessibleText(dev.tally.status.Phrase.WINDOW_SETTINGS_ACCESSIBLE.say());
        settings.setOnAction(e -> vm.openSettings());
        ToggleButton compactToggle = new ToggleButton(dev.tally.status.Phrase.WINDOW_COMPACT_GLYPH.say());
        compactToggle.getStyleClass().add("tally-compact");
        compactToggle.setAccessibleText(dev.tally.status.Phrase.WINDOW_COMPACT.say());
        compactToggle.setTooltip(new Tooltip(MainViewModel.compactHint()));
        compactToggle.setSelected(vm.compactProperty().get());
        vm.compactProperty().addListener((o, a, b) -> compactToggle.setSelected(b));
        // the view model decides (and remembers); the button only shows its answer
        compactToggle.setOnAction(e -> {
            vm.toggleCompact();
            compactToggle.setSelected(vm.compactProperty().get());
        });
        compactToggle.visibleProperty().bind(vm.emptyProperty().not());
        compactToggle.managedProperty().bind(compactToggle.visibleProperty());
        for (Region r : List.of(title, compactToggle, refreshAll, settings)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, title, grow, compactToggle, refreshAll, settings);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label attention = new Label();
        attention.textProperty().bind(vm.attentionProperty());
        attention.getStyleClass().add("tally-attention");
        vm.needsAttentionProperty().addListener((o, a, b) -> attention.pseudoClassStateChanged(ATTENTION, b));
        attention.pseudoClassStateChanged(ATTENTION, vm.needsAttentionProperty().get());
        Label totals = new Label();
        totals.textProperty().bind(vm.totalsProperty());
        totals.getStyleClass().add("tally-totals");
        totals.setTooltip(new Tooltip(dev.tally.status.Phrase.WINDOW_TOTALS_HINT.say()));
        totals.setMinWidth(Region.USE_PREF_SIZE);
        attention.setMinWidth(Region.USE_PREF_SIZE);
        // the totals go to a line of their own when both do not fit: never cut short
        javafx.scene.layout.FlowPane summary = new javafx.scene.layout.FlowPane(12, 2, attention, totals);
        summary.getStyleClass().add("tally-summary");
        summary.visibleProperty().bind(vm.emptyProperty().not());
        summary.managedProperty().bind(summary.visibleProperty());
        VBox header = new VBox(4, bar, summary);
        header.getStyleClass().add("tally-header");

        VBox cards = new VBox();
        cards.getStyleClass().add("cards");
        vm.cards().addListener((ListChangeListener<BalanceCardViewModel>) c -> fill(cards, vm));
        vm.compactProperty().addListener((o, a, b) -> fill(cards, vm));
        fill(cards, vm);
        scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        Label emptyTitle = new Label(dev.tally.status.Phrase.WINDOW_EMPTY_TITLE.say());
        emptyTitle.getStyleClass().add("empty-title");
        Label emptyText = new Label(MainViewModel.emptyText(
                ProviderCatalog.standard().supported().stream().map(ProviderInfo::displayName).toList()));
        emptyText.setWrapText(true);
        emptyText.getStyleClass().add("empty-text");
        Button add = new Button(dev.tally.status.Phrase.WINDOW_ADD_ACCOUNT.say());
        add.getStyleClass().add("accent");
        add.setDefaultButton(true);
        add.setOnAction(e -> vm.openSettings());
        Label offer = new Label();
        offer.textProperty().bind(vm.importOfferProperty());
        offer.setWrapText(true);
        offer.getStyleClass().add("empty-text");
        Button importEnv = new Button(dev.tally.status.Phrase.WINDOW_IMPORT_ENV.say());
        importEnv.setOnAction(e -> vm.importFromEnvironment());
        importEnv.visibleProperty().bind(vm.importOfferProperty().isNotEmpty());
        importEnv.managedProperty().bind(importEnv.visibleProperty());
        offer.visibleProperty().bind(vm.importOfferProperty().isNotEmpty());
        offer.managedProperty().bind(offer.visibleProperty());
        VBox emptyState = new VBox(emptyTitle, emptyText, add, offer, importEnv);
        emptyState.getStyleClass().add("empty-state");
        emptyState.setAlignment(Pos.CENTER);

        Label footer = new Label();
        footer.textProperty().bind(vm.footerProperty());
        footer.getStyleClass().add("tally-footer");

        BorderPane root = new BorderPane();
        root.getStyleClass().add("tally-main");
        root.setTop(header);
        Runnable center = () -> {
            ChartViewModel chart = vm.chartProperty().get();
            root.setCenter(chart != null ? new ChartView(chart, vm::closeChart) : vm.emptyProperty().get() ? emptyState : scroll);
        };
        center.run();
        vm.emptyProperty().addListener((o, a, empty) -> center.run());
        vm.chartProperty().addListener((o, a, chart) -> {
            center.run();
            if (chart == null) {
                scroll.requestFocus();
            }
        });
        root.setBottom(footer);

        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("cards.css").toExternalForm());
        CjkFont.stylesheet().ifPresent(scene.getStylesheets()::add);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::refreshAll);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), vm::openSettings);
        stage.setTitle("Tally");
        AppIcon.applyTo(stage);
        stage.setMinWidth(320);
        stage.setMinHeight(240);
        stage.setScene(scene);
    }

    /**
     * Shows the view model's cards, keeping the card of an account that stays: a card listens to its view model,
     * so a new one for every change would pile up listeners (and hidden cards) on the kept view models.
     */
    private void fill(VBox box, MainViewModel vm) {
        boolean compact = vm.compactProperty().get();
        Map<BalanceCardViewModel, Region> next = new IdentityHashMap<>();
        for (BalanceCardViewModel c : vm.cards()) {
            Region kept = shown.get(c);
            boolean fits = kept != null && (kept instanceof CompactRow) == compact;
            next.put(c, fits ? kept : compact ? new CompactRow(c) : new BalanceCard(c));
        }
        shown = next;
        box.getStyleClass().remove("compact");
        if (compact) {
            box.getStyleClass().add("compact");
        }
        box.getChildren().setAll(vm.cards().stream().map(next::get).toList());
    }

    /**
     * Scrolls the list so the card of {@code accountId} is in view and gives it the focus (the tray menu's account
     * rows open the window there). Does nothing for an unknown account. FX thread, after the stage is shown.
     */
    public void showCard(String accountId) {
        for (Map.Entry<BalanceCardViewModel, Region> e : shown.entrySet()) {
            if (e.getKey().id().equals(accountId)) {
                Region card = e.getValue();
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                double top = card.getBoundsInParent().getMinY();
                scroll.setVvalue(content <= view ? 0 : Math.clamp(top / (content - view), 0, 1));
                card.requestFocus();
                return;
            }
        }
    }

    public Stage stage() {
        return stage;
    }
}
