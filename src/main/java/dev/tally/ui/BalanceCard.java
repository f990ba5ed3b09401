package dev.tally.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The view of one {@link BalanceCardViewModel}: only wiring, no logic. */
public final class BalanceCard extends VBox {
    private final VBox amountBox = new VBox(2);

    public BalanceCard(BalanceCardViewModel vm) {
        getStyleClass().add("balance-card");
        setSpacing(6);

        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("card-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(vm.subtitleProperty());
        subtitle.getStyleClass().add("card-subtitle");
        VBox names = new VBox(0, title, subtitle);

        Label badge = new Label();
        badge.textProperty().bind(vm.badgeTextProperty());
        badge.getStyleClass().add("badge");
        vm.badgeProperty().addListener((o, a, b) -> styleBadge(badge, b));
        styleBadge(badge, vm.badgeProperty().get());
        Tooltip badgeTip = new Tooltip();
        badgeTip.textProperty().bind(vm.badgeDetailProperty());
        badgeTip.setWrapText(true);
        badgeTip.setMaxWidth(360);
        badge.setTooltip(badgeTip);
        badge.accessibleTextProperty().bind(Bindings.concat(vm.badgeTextProperty(), ". ", vm.badgeDetailProperty()));

        Button refresh = new Button("⟳");
        refresh.getStyleClass().addAll("flat", "card-refresh");
        refresh.setAccessibleText("Refresh this account");
        refresh.setTooltip(new Tooltip("Check this balance now"));
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("card-spinner");
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.refreshingProperty());
        spinner.managedProperty().bind(vm.refreshingProperty());
        refresh.visibleProperty().bind(vm.refreshingProperty().not());
        refresh.managedProperty().bind(vm.refreshingProperty().not());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, names, grow, badge, spinner, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        vm.amounts().addListener((ListChangeListener<BalanceCardViewModel.AmountLine>) c -> renderAmounts(vm));
        renderAmounts(vm);
        amountBox.getStyleClass().add("card-amounts");

        Label note = new Label();
        note.textProperty().bind(vm.noteProperty());
        note.getStyleClass().add("card-note");
        note.setWrapText(true);
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        Button editKey = new Button("Edit key…");
        editKey.getStyleClass().addAll("small", "card-edit-key");
        editKey.setAccessibleText("Edit the key of this account");
        editKey.setOnAction(e -> vm.editKey());
        editKey.visibleProperty().bind(vm.canEditKeyProperty());
        editKey.managedProperty().bind(vm.canEditKeyProperty());

        Sparkline spark = new Sparkline();
        spark.pointsProperty().bind(vm.sparklineProperty());
        spark.visibleProperty().bind(vm.hasSpendProperty());
        spark.managedProperty().bind(vm.hasSpendProperty());
        spark.setAccessibleText("Estimated spend over the last 7 days");
        Label spend = new Label();
        spend.textProperty().bind(vm.spendTextProperty());
        spend.getStyleClass().add("card-spend");
        spend.setWrapText(true);
        spend.visibleProperty().bind(vm.spendTextProperty().isNotEmpty());
        spend.managedProperty().bind(spend.visibleProperty());
        Label runway = new Label();
        runway.textProperty().bind(vm.runwayTextProperty());
        runway.getStyleClass().add("card-runway");
        runway.visibleProperty().bind(vm.runwayTextProperty().isNotEmpty());
        runway.managedProperty().bind(runway.visibleProperty());

        Label updated = new Label();
        updated.textProperty().bind(vm.updatedProperty());
        updated.getStyleClass().add("card-updated");

        getChildren().addAll(header, amountBox, note, editKey, spark, spend, runway, updated);
        vm.staleProperty().addListener((o, a, b) -> pseudoStale(b));
        pseudoStale(vm.staleProperty().get());
        setAccessibleText("Balance card");
        accessibleTextProperty().bind(Bindings.concat(vm.titleProperty(), ", ", vm.badgeTextProperty()));
    }

    private void pseudoStale(boolean stale) {
        amountBox.getStyleClass().remove("stale");
        if (stale) {
            amountBox.getStyleClass().add("stale");
        }
    }

    private void renderAmounts(BalanceCardViewModel vm) {
        amountBox.getChildren().clear();
        for (BalanceCardViewModel.AmountLine a : vm.amounts()) {
            Label amount = new Label(a.amount());
            amount.getStyleClass().addAll("card-amount", "amount-" + a.kind().name().toLowerCase(Locale.ROOT));
            if (a.low()) {
                amount.getStyleClass().add("low");
            }
            Label code = new Label(a.code() + (a.assumed() ? "*" : ""));
            code.getStyleClass().add("card-currency");
            code.setVisible(!a.code().isEmpty());
            code.setManaged(code.isVisible());
            if (a.assumed()) {
                code.setTooltip(new Tooltip("The provider does not say the currency; " + a.code()
                        + " is assumed from the account's region"));
            }
            Label caption = new Label(a.caption());
            caption.getStyleClass().add("card-caption");
            caption.setVisible(!a.caption().isEmpty());
            caption.setManaged(caption.isVisible());
            HBox row = new HBox(6, amount, code, caption);
            row.setAlignment(Pos.BASELINE_LEFT);
            row.setAccessibleText(String.join(" ", a.amount(), a.code(), a.caption()).replaceAll(" +", " ").strip()
                    + (a.low() ? ", below your alert" : ""));
            VBox line = new VBox(0, row);
            line.getStyleClass().add("card-amount-line");
            if (!a.breakdown().isEmpty()) {
                Label breakdown = new Label(a.breakdown());
                breakdown.getStyleClass().add("card-breakdown");
                breakdown.setWrapText(true);
                line.getChildren().add(breakdown);
            }
            amountBox.getChildren().add(line);
        }
    }

    private static void styleBadge(Label badge, BalanceCardViewModel.Badge kind) {
        badge.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        badge.getStyleClass().add("badge-" + kind.name().toLowerCase().replace('_', '-'));
    }
}
