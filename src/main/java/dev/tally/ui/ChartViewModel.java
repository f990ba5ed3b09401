package dev.tally.ui;

import dev.tally.status.Ages;
import dev.tally.history.DailyRollup;
import dev.tally.status.MoneyText;
import dev.tally.status.Phrase;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The larger chart a card's sparkline opens: 30 days of one account in one currency, the closing balance and the
 * estimated spend of each day, from the history's daily rollups. No nodes; tested without a toolkit.
 *
 * <p>Threads: built and read on the UI executor; the history arrives through that executor.
 */
public final class ChartViewModel {
    /** How many days the chart shows, today included. */
    public static final int DAYS = 30;

    /**
     * One day of the chart.
     *
     * @param label   e.g. "22 Nov"
     * @param balance the day's last balance, or {@code null} when it had none
     * @param spend   the day's spend (estimated from balance drops or reported)
     * @param text    what the day says on hover: "22 Nov: balance ¥110.00 · spent ¥4.10"
     */
    public record Day(String label, BigDecimal balance, BigDecimal spend, String text, LocalDate date) {
    }

    /** "22 Nov", as the chart's date axis says a day. */
    public static String label(LocalDate date) {
        return Ages.dayMonth(date);
    }

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Phrase.CHART_LOADING.say());
    private final ObservableList<Day> days = FXCollections.observableArrayList();
    private final ObservableList<Day> daysView = FXCollections.unmodifiableObservableList(days);
    private final String currency;

    /**
     * @param label    the account's label
     * @param currency the currency charted (the sparkline's)
     * @param history  the daily rollups of the last {@link #DAYS} days, read off the UI thread
     */
    public ChartViewModel(String label, String currency, CompletionStage<List<DailyRollup>> history, Executor ui) {
        this.currency = currency;
        title.set(Phrase.CHART_TITLE.say(label));
        history.whenComplete((rows, error) -> ui.execute(() -> show(error == null ? rows : List.of())));
    }

    /** The first day charted for {@code today}: 29 days before it. */
    public static LocalDate from(LocalDate today) {
        return today.minusDays(DAYS - 1);
    }

    private void show(List<DailyRollup> rows) {
        days.setAll(rows.stream().map(this::day).toList());
        status.set(days.isEmpty() ? Phrase.CHART_NO_DATA.say() : "");
    }

    private Day day(DailyRollup r) {
        String label = Ages.dayMonth(r.date());
        String balance = r.lastBalance() == null ? "" : Phrase.CHART_DAY_BALANCE.say(MoneyText.shown(r.lastBalance(), currency, false));
        String spent = Phrase.CHART_DAY_SPENT.say(MoneyText.shown(r.spend(), currency, false));
        return new Day(label, r.lastBalance(), r.spend(), Phrase.CHART_DAY.say(label,
                balance.isEmpty() ? spent : Phrase.CHART_DAY_BOTH.say(balance, spent)), r.date());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Reading the history…", "No history for the last 30 days yet", or empty once there are days to draw. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Day> days() {
        return daysView;
    }

    /** "Balance (CNY)": the balance series' name. */
    public String balanceName() {
        return Phrase.CHART_BALANCE.say(currency);
    }

    /** "Estimated spend per day (CNY)". */
    public String spendName() {
        return Phrase.CHART_SPEND.say(currency);
    }
}
