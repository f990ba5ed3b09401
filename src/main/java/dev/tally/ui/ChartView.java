package dev.tally.ui;

import dev.tally.status.Phrase;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The 30-day chart inside the main window: the balance as a line, the estimated spend per day as bars, the value
 * of a day on hover, a button back to the accounts. Wiring only ({@link ChartViewModel}); static, nothing animates.
 */
public final class ChartView extends VBox {
    private final XYChart.Series<Number, Number> balance = new XYChart.Series<>();
    private final XYChart.Series<String, Number> spend = new XYChart.Series<>();
    private NumberAxis dates;

    public ChartView(ChartViewModel vm, Runnable back) {
        getStyleClass().add("chart-view");
        setSpacing(6);
        Button backButton = new Button(Phrase.CHART_BACK.say());
        backButton.getStyleClass().add("chart-back");
        backButton.setCancelButton(true);
        backButton.setOnAction(e -> back.run());
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("chart-title");
        title.setWrapText(true);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("chart-status");
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        // the balance over dates (a tick a week); the spend as bars under it, one per day, the same days
        NumberAxis dates = new NumberAxis();
        dates.setAutoRanging(false);
        dates.setTickUnit(7);
        dates.setMinorTickVisible(false);
        dates.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number day) {
                return ChartViewModel.label(java.time.LocalDate.ofEpochDay(day.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        this.dates = dates;
        LineChart<Number, Number> balanceChart = new LineChart<>(dates, axis());
        balanceChart.getData().add(balance);
        balanceChart.setTitle(vm.balanceName());
        balanceChart.getStyleClass().add("chart-balance");
        CategoryAxis days = new CategoryAxis();
        days.setTickLabelsVisible(false);
        days.setTickMarkVisible(false);
        BarChart<String, Number> spendChart = new BarChart<>(days, axis());
        spendChart.getData().add(spend);
        spendChart.setTitle(vm.spendName());
        spendChart.getStyleClass().add("chart-spend");
        for (XYChart<?, Number> c : java.util.List.<XYChart<?, Number>>of(balanceChart, spendChart)) {
            c.setAnimated(false);
            c.setLegendVisible(false);
            c.getStyleClass().add("chart-month");
            VBox.setVgrow(c, Priority.ALWAYS);
            c.setMinHeight(120);
        }
        balanceChart.setCreateSymbols(true);
        spendChart.setCategoryGap(1);
        spendChart.setBarGap(0);
        vm.days().addListener((ListChangeListener<ChartViewModel.Day>) c -> fill(vm));
        fill(vm);
        getChildren().addAll(backButton, title, status, balanceChart, spendChart);
    }

    private static NumberAxis axis() {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        return y;
    }

    private void fill(ChartViewModel vm) {
        balance.getData().clear();
        spend.getData().clear();
        if (!vm.days().isEmpty()) {
            dates.setLowerBound(vm.days().getFirst().date().toEpochDay());
            dates.setUpperBound(vm.days().getLast().date().toEpochDay());
        }
        for (ChartViewModel.Day d : vm.days()) {
            if (d.balance() != null) {
                balance.getData().add(point(d.date().toEpochDay(), d.balance().doubleValue(), d.text()));
            }
            spend.getData().add(point(d.label(), d.spend().doubleValue(), d.text()));
        }
    }

    /** One day; its node (drawn by the chart) tells the day's values on hover. */
    private static <X> XYChart.Data<X, Number> point(X day, double value, String text) {
        XYChart.Data<X, Number> p = new XYChart.Data<>(day, value);
        p.nodeProperty().addListener((o, a, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
                // the chart binds the node's accessible text to the value; the day's words go in its help
                if (!node.accessibleHelpProperty().isBound()) {
                    node.setAccessibleHelp(text);
                }
            }
        });
        return p;
    }
}
