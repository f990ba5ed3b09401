package dev.tally.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One account on one line (the window's compact mode): the badge, the label (ellipsized, the full text on hover),
 * the main amount. Same view model as {@link BalanceCard}; only wiring. Style classes: {@code compact-row},
 * {@code compact-title}, {@code compact-amount} (with {@code low} / {@code empty}).
 */
public final class CompactRow extends HBox {
    private final Label amount = new Label();

    public CompactRow(BalanceCardViewModel vm) {
        getStyleClass().add("compact-row");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setFocusTraversable(true);

        Label badge = new Label();
        badge.textProperty().bind(vm.badgeTextProperty());
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        vm.badgeProperty().addListener((o, a, b) -> style(badge, b));
        style(badge, vm.badgeProperty().get());

        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("compact-title");
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(Bindings.concat(vm.titleProperty(), "\n", vm.badgeDetailProperty()));
        titleTip.setWrapText(true);
        titleTip.setMaxWidth(360);
        title.setTooltip(titleTip);
        badge.setTooltip(titleTip);

        amount.getStyleClass().add("compact-amount");
        amount.setMinWidth(Region.USE_PREF_SIZE);
        vm.amounts().addListener((ListChangeListener<BalanceCardViewModel.AmountLine>) c -> showAmount(vm));
        showAmount(vm);

        getChildren().addAll(badge, title, amount);
        accessibleTextProperty().bind(Bindings.concat(vm.titleProperty(), ", ", vm.badgeTextProperty(), ", ",
                amount.textProperty()));
    }

    private void showAmount(BalanceCardViewModel vm) {
        amount.getStyleClass().removeAll("low", "empty");
        if (vm.amounts().isEmpty()) {
            amount.setText("");
            return;
        }
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        amount.setText(a.amount());
        if (a.empty()) {
            amount.getStyleClass().add("empty");
        } else if (a.low()) {
            amount.getStyleClass().add("low");
        }
    }

    private static void style(Label badge, BalanceCardViewModel.Badge kind) {
        badge.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        badge.getStyleClass().add("badge-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
