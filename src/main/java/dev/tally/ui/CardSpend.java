package dev.tally.ui;

import dev.tally.status.Ages;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.history.WeekSummary;
import dev.tally.status.MoneyText;
import dev.tally.status.Phrase;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The spend part of a card ({@link BalanceCardViewModel}): the 7-day sparkline, its labels (range, min/max, the
 * value under the pointer), the week's total and the runway. No nodes; UI thread, like the card.
 */
final class CardSpend {

    final ReadOnlyObjectWrapper<List<Double>> sparkline = new ReadOnlyObjectWrapper<>(List.of());
    final ReadOnlyStringWrapper spendText = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper runwayText = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper hasSpend = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper showSparkline = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper range = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper minMax = new ReadOnlyStringWrapper("");
    /** What each point says under the pointer, in the sparkline's order; empty for a gap. */
    private final List<String> points = new ArrayList<>();
    private final ZoneId zone;
    private List<WeekSummary> week = List.of();
    private boolean hideAmounts;
    private String provider = "";
    private WeekSummary shown;

    CardSpend(ZoneId zone) {
        this.zone = zone;
    }

    String point(int index) {
        return index < 0 || index >= points.size() ? "" : points.get(index);
    }

    /** The sparkline's currency, or {@code null} when none is drawn. */
    String currency() {
        return shown == null ? null : shown.currency();
    }

    /**
     * "last 7 days", "min ¥0.00 · max ¥4.10 per 6 h" and one "Sat 06:00: ¥1.20 spent" per point: bucket {@code i} of
     * {@code n} starts {@code n - 1 - i} buckets before the one holding {@code now}.
     */
    private void labels(WeekSummary ws, Instant now) {
        shown = ws;
        points.clear();
        if (hideAmounts) {
            range.set("");
            minMax.set("");
            return;
        }
        range.set(Phrase.SPARK_RANGE.say());
        List<BigDecimal> known = ws.buckets().stream().filter(Objects::nonNull).toList();
        BigDecimal min = known.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal max = known.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        minMax.set(Phrase.SPARK_MIN_MAX.say(MoneyText.shown(min, ws.currency(), false),
                MoneyText.shown(max, ws.currency(), false)));
        long size = WeekSummary.BUCKET.toMillis();
        long last = Math.floorDiv(now.toEpochMilli(), size) * size;
        int n = ws.buckets().size();
        for (int i = 0; i < n; i++) {
            BigDecimal b = ws.buckets().get(i);
            Instant start = Instant.ofEpochMilli(last - (long) (n - 1 - i) * size);
            points.add(b == null ? "" : Phrase.SPARK_POINT.say(Ages.weekdayTime(start, zone),
                    MoneyText.shown(b, ws.currency(), false)));
        }
    }

    private String money(BigDecimal amount, String currency) {
        return MoneyText.shown(amount, currency, hideAmounts);
    }

    /** New facts: the week summaries, the card's value (for its main currency), amounts hidden or not. */
    void render(List<WeekSummary> newWeek, BalanceSnapshot value, Instant now, boolean hide, String providerName) {
        this.week = newWeek;
        this.hideAmounts = hide;
        this.provider = providerName;
        Optional<WeekSummary> w = primary(value);
        // seconds of data make no week: wait for an hour of it before showing a total or a chart
        if (w.isEmpty() || !w.get().hasData() || w.get().coverage(now).compareTo(BalanceCardViewModel.MIN_SPEND_COVERAGE) < 0) {
            hasSpend.set(false);
            showSparkline.set(false);
            sparkline.set(List.of());
            spendText.set(week.isEmpty() ? "" : Phrase.CARD_SPEND_PENDING.say());
            runwayText.set("");
            range.set("");
            minMax.set("");
            points.clear();
            shown = null;
            return;
        }
        WeekSummary ws = w.get();
        hasSpend.set(true);
        // hidden amounts hide the chart too: its shape tells what was spent when
        showSparkline.set(!hideAmounts);
        List<Double> drawn = new ArrayList<>(ws.buckets().size());
        if (!hideAmounts) {
            for (BigDecimal b : ws.buckets()) {
                drawn.add(b == null ? null : b.doubleValue());
            }
        }
        sparkline.set(java.util.Collections.unmodifiableList(drawn));
        labels(ws, now);
        String total = money(ws.total(), ws.currency());
        boolean fullWeek = ws.coverage(now).compareTo(WeekSummary.WINDOW.minus(WeekSummary.BUCKET)) >= 0;
        if (fullWeek) {
            spendText.set(ws.estimated() ? Phrase.CARD_SPEND_WEEK_ESTIMATED.say(total)
                    : Phrase.CARD_SPEND_WEEK_REPORTED.say(total, provider));
        } else {
            String since = Ages.weekdayTime(ws.firstSample(), zone);
            spendText.set(ws.estimated() ? Phrase.CARD_SPEND_SINCE_ESTIMATED.say(total, since)
                    : Phrase.CARD_SPEND_SINCE_REPORTED.say(total, since, provider));
        }
        runwayText.set(ws.runwayDays() == null ? ""
                : Phrase.CARD_RUNWAY.say(ws.runwayDays().setScale(0, RoundingMode.DOWN).toPlainString()));
    }

    /** The week summary for the first currency shown (the card's main amount). */
    private Optional<WeekSummary> primary(BalanceSnapshot value) {
        if (week.isEmpty()) {
            return Optional.empty();
        }
        if (value != null && !value.balances().isEmpty()) {
            String c = value.balances().getFirst().currency();
            for (CurrencyBalance b : value.balances()) {
                Optional<WeekSummary> match = week.stream().filter(x -> x.currency().equals(b.currency()) && x.hasData()).findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
            return week.stream().filter(x -> x.currency().equals(c)).findFirst();
        }
        return Optional.of(week.getFirst());
    }

}
