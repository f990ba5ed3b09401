package dev.tally.ui;

import dev.tally.provider.ProviderLinks;
import dev.tally.status.Phrase;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
        // a long label wraps; it never pushes the badge or the refresh button out of sight
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);

        Label badge = new Label();
        badge.textProperty().bind(vm.badgeTextProperty());
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        vm.badgeProperty().addListener((o, a, b) -> styleBadge(badge, b));
        styleBadge(badge, vm.badgeProperty().get());
        Tooltip badgeTip = new Tooltip();
        badgeTip.textProperty().bind(vm.badgeDetailProperty());
        badgeTip.setWrapText(true);
        badgeTip.setMaxWidth(360);
        badge.setTooltip(badgeTip);
        badge.accessibleTextProperty().bind(Bindings.concat(vm.badgeTextProperty(), ". ", vm.badgeDetailProperty()));
        Label subtitle = new Label();
        subtitle.textProperty().bind(vm.subtitleProperty());
        subtitle.getStyleClass().add("card-subtitle");
        subtitle.setMinWidth(0);
        subtitle.visibleProperty().bind(vm.subtitleProperty().isNotEmpty());
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        // the badge has a line of its own (with the provider and region), so it is never cut short
        HBox status = new HBox(8, badge, subtitle);
        status.setAlignment(Pos.CENTER_LEFT);

        // the spinner shows inside the button, which keeps its size, its place and the keyboard focus while it spins
        Label glyph = new Label("⟳");
        glyph.getStyleClass().add("card-refresh-glyph");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("card-spinner");
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(vm.refreshingProperty());
        glyph.visibleProperty().bind(vm.refreshingProperty().not());
        Button refresh = new Button();
        refresh.setGraphic(new StackPane(glyph, spinner));
        refresh.getStyleClass().addAll("flat", "card-refresh");
        refresh.accessibleTextProperty().bind(Bindings.when(vm.refreshingProperty())
                .then(dev.tally.status.Phrase.CARD_REFRESHING.say()).otherwise(dev.tally.status.Phrase.CARD_REFRESH_ACCESSIBLE.say()));
        refresh.setTooltip(new Tooltip(dev.tally.status.Phrase.CARD_REFRESH_HINT.say()));
        refresh.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // not disabled while it spins: a disabled button would lose the focus; the view model ignores a second press
        refresh.setOnAction(e -> vm.refresh());

        HBox header = new HBox(8, title, refresh);
        header.setAlignment(Pos.TOP_LEFT);

        vm.amounts().addListener((ListChangeListener<BalanceCardViewModel.AmountLine>) c -> renderAmounts(vm));
        renderAmounts(vm);
        amountBox.getStyleClass().add("card-amounts");

        Label low = new Label();
        low.textProperty().bind(vm.lowTextProperty());
        low.getStyleClass().add("card-low");
        low.setWrapText(true);
        low.visibleProperty().bind(vm.lowTextProperty().isNotEmpty());
        low.managedProperty().bind(low.visibleProperty());

        Label reason = new Label();
        reason.textProperty().bind(vm.reasonProperty());
        reason.getStyleClass().add("card-reason");
        reason.setWrapText(true);
        reason.visibleProperty().bind(vm.reasonProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        Tooltip reasonTip = new Tooltip();
        reasonTip.textProperty().bind(vm.badgeDetailProperty());
        reasonTip.setWrapText(true);
        reasonTip.setMaxWidth(360);
        reason.setTooltip(reasonTip);

        Label note = new Label();
        note.textProperty().bind(vm.noteProperty());
        note.getStyleClass().add("card-note");
        note.setWrapText(true);
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        Button editKey = new Button(dev.tally.status.Phrase.CARD_EDIT_KEY.say());
        editKey.getStyleClass().addAll("small", "card-edit-key");
        editKey.setAccessibleText(dev.tally.status.Phrase.CARD_EDIT_KEY_ACCESSIBLE.say());
        editKey.setOnAction(e -> vm.editKey());
        editKey.visibleProperty().bind(vm.canEditKeyProperty());
        editKey.managedProperty().bind(vm.canEditKeyProperty());

        Sparkline spark = new Sparkline();
        spark.pointsProperty().bind(vm.sparklineProperty());
        spark.visibleProperty().bind(vm.showSparklineProperty());
        spark.managedProperty().bind(vm.showSparklineProperty());
        spark.setAccessibleText(Phrase.SPARK_HINT.say());
        spark.setOnPoint(vm::sparkPoint);
        spark.setOnMouseClicked(e -> vm.openChart());
        Label range = new Label();
        range.textProperty().bind(vm.sparkRangeProperty());
        range.getStyleClass().add("spark-label");
        Label minMax = new Label();
        minMax.textProperty().bind(vm.sparkMinMaxProperty());
        minMax.getStyleClass().add("spark-label");
        minMax.setMinWidth(0);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox sparkLabels = new HBox(8, range, gap, minMax);
        sparkLabels.visibleProperty().bind(vm.showSparklineProperty().and(vm.sparkRangeProperty().isNotEmpty()));
        sparkLabels.managedProperty().bind(sparkLabels.visibleProperty());
        Button chart = new Button(Phrase.CHART_OPEN.say());
        chart.getStyleClass().addAll("flat", "small", "card-chart");
        chart.setTooltip(new Tooltip(Phrase.SPARK_HINT.say()));
        chart.setOnAction(e -> vm.openChart());
        chart.visibleProperty().bind(vm.showSparklineProperty());
        chart.managedProperty().bind(chart.visibleProperty());
        range.setMinWidth(Region.USE_PREF_SIZE);
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

        Hyperlink console = new Hyperlink(Phrase.CARD_OPEN_CONSOLE.say());
        console.getStyleClass().add("card-link");
        console.setOnAction(e -> vm.openConsole());
        Hyperlink credits = new Hyperlink(Phrase.CARD_ADD_CREDITS.say());
        credits.getStyleClass().add("card-link");
        credits.setOnAction(e -> vm.addCredits());
        HBox linkRow = new HBox(4, console, credits, chart);
        linkRow.getStyleClass().add("card-links");
        linkRow.setAlignment(Pos.CENTER_LEFT);
        vm.linksProperty().addListener((o, a, b) -> showLinks(vm, linkRow, console, credits));
        showLinks(vm, linkRow, console, credits);
        linkRow.visibleProperty().bind(console.visibleProperty().or(credits.visibleProperty()).or(chart.visibleProperty()));
        linkRow.managedProperty().bind(linkRow.visibleProperty());

        VBox top = new VBox(2, header, status);
        getChildren().addAll(top, amountBox, low, reason, note, editKey, spark, sparkLabels, spend, runway, updated, linkRow);
        vm.staleProperty().addListener((o, a, b) -> pseudoStale(b));
        pseudoStale(vm.staleProperty().get());
        setAccessibleText(dev.tally.status.Phrase.CARD_ACCESSIBLE.say());
        accessibleTextProperty().bind(Bindings.concat(vm.titleProperty(), ", ", vm.badgeTextProperty()));
    }

    private static void showLinks(BalanceCardViewModel vm, HBox row, Hyperlink console, Hyperlink credits) {
        ProviderLinks l = vm.linksProperty().get();
        console.setVisible(l != null);
        console.setManaged(l != null);
        boolean topUp = l != null && l.topUp() != null;
        credits.setVisible(topUp);
        credits.setManaged(topUp);
        console.setTooltip(new Tooltip(vm.consoleHint()));
        console.setAccessibleHelp(vm.consoleHint());
        credits.setTooltip(new Tooltip(vm.topUpHint()));
        credits.setAccessibleHelp(vm.topUpHint());
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
            // used up is red (as the tray's ⊘), below the alert amber: never the same colour
            if (a.empty()) {
                amount.getStyleClass().add("empty");
            } else if (a.low()) {
                amount.getStyleClass().add("low");
            }
            Label code = new Label(a.code() + (a.assumed() ? "*" : ""));
            code.getStyleClass().add("card-currency");
            code.setVisible(!a.code().isEmpty());
            code.setManaged(code.isVisible());
            if (a.assumed()) {
                code.setTooltip(new Tooltip(Phrase.CARD_CURRENCY_ASSUMED.say(a.code())));
            }
            Label caption = new Label(a.caption());
            caption.getStyleClass().add("card-caption");
            caption.setVisible(!a.caption().isEmpty());
            caption.setManaged(caption.isVisible());
            HBox row = new HBox(6, amount, code, caption);
            row.setAlignment(Pos.BASELINE_LEFT);
            String said = String.join(" ", a.amount(), a.code(), a.caption()).replaceAll(" +", " ").strip();
            row.setAccessibleText(a.low() ? Phrase.CARD_AMOUNT_BELOW_ALERT.say(said) : said);
            VBox line = new VBox(0, row);
            line.getStyleClass().add("card-amount-line");
            if (!a.breakdown().isEmpty()) {
                Label breakdown = new Label(a.breakdown());
                breakdown.getStyleClass().add("card-breakdown");
                breakdown.setWrapText(true);
                line.getChildren().add(breakdown);
            }
            if (!a.credit().isEmpty()) {
                Label credit = new Label(a.credit());
                credit.getStyleClass().addAll("card-breakdown", "card-credit");
                Tooltip hint = new Tooltip(a.creditHint());
                hint.setWrapText(true);
                hint.setMaxWidth(360);
                credit.setTooltip(hint);
                credit.setAccessibleHelp(a.creditHint());
                line.getChildren().add(credit);
            }
            amountBox.getChildren().add(line);
        }
    }

    private static void styleBadge(Label badge, BalanceCardViewModel.Badge kind) {
        badge.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        badge.getStyleClass().add("badge-" + kind.name().toLowerCase().replace('_', '-'));
    }
}
