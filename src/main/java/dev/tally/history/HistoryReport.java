package dev.tally.history;

import dev.tally.core.SpendReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code tally history ACCOUNT [--days N] --json} shows: per currency, the balances, the spend and
 * top-ups and the daily spend over the last {@code N} UTC days (today included), and the burn rate and
 * runway over the last 7 days (exactly 7 × 24 h before now, whatever {@code N} is). Immutable. {@link #toJsonTree()} gives the contract's JSON shape using only maps, lists,
 * strings, booleans and {@code null}, ready for any JSON writer.
 *
 * @param account    the account id
 * @param currencies one entry per currency with a snapshot in the window, sorted by code; never mixed
 */
public record HistoryReport(String account, List<CurrencyHistory> currencies) {

    public HistoryReport {
        Objects.requireNonNull(account, "account");
        currencies = List.copyOf(currencies);
    }

    /**
     * @param snapshots      every known balance in the last {@link #DETAILED_DAYS} days of the window; for older
     *                       days (and folded ones) each day's first, lowest and last
     * @param spendTotal     sum of spend in the window, never negative; for a spend-only provider (see
     *                       {@code spendPeriod}) the spend it reported for the current UTC month, or {@code null}
     *                       when it has reported nothing for this month yet
     * @param spendEstimated false only when all of it is provider-reported usage or spend
     * @param topUps         increases seen in the window (never counted as negative spend)
     * @param daily          one entry per UTC date; {@code spend == null} means no data that day (a gap)
     * @param burnRatePerDay spend per day over the last 7 days (always those, whatever the window), or {@code null}
     *                       (under a day of data or no spend)
     * @param runwayDays     latest balance ÷ burn rate, or {@code null} when there is no burn rate or balance
     * @param spendPeriod    {@code null} for a balance series; {@value SpendReport#MONTH_TO_DATE} for a spend-only
     *                       provider, whose {@code snapshots} are then the month-to-date spend it reported (not a
     *                       balance), {@code daily} the differences between those figures within a month (the
     *                       first figure of a month counts from zero only when taken on the month's first day) and
     *                       whose burn rate and runway are {@code null}; not part of the JSON
     */
    public record CurrencyHistory(String currency, List<BalanceAt> snapshots, BigDecimal spendTotal,
                                  boolean spendEstimated, List<TopUpAt> topUps, List<DailySpend> daily,
                                  BigDecimal burnRatePerDay, BigDecimal runwayDays, String spendPeriod) {
        public CurrencyHistory {
            Objects.requireNonNull(currency, "currency");
            if (spendTotal == null && spendPeriod == null) {
                throw new NullPointerException("spendTotal");
            }
            snapshots = List.copyOf(snapshots);
            topUps = List.copyOf(topUps);
            daily = List.copyOf(daily);
        }
    }

    /** A balance at a time. */
    public record BalanceAt(Instant at, BigDecimal total) {
    }

    /** A top-up: when it was seen and how much arrived. */
    public record TopUpAt(Instant at, BigDecimal amount) {
    }

    /** Spend on one UTC date, or {@code null} spend for a day without data. */
    public record DailySpend(LocalDate date, BigDecimal spend) {
    }

    /**
     * A window of up to this many days is built from every stored snapshot; the older days of a longer one from
     * their daily rollups.
     */
    public static final int DETAILED_DAYS = 7;

    /** Builds the report with the default estimator (5-minute polling). Blocks on the store. */
    public static HistoryReport build(HistoryReader store, String accountId, int days, Instant now) {
        return build(store, accountId, days, now, SpendEstimator.defaults());
    }

    /**
     * Builds the report for the UTC days {@code today - (days - 1)} through {@code now}. The last
     * {@link #DETAILED_DAYS} days come from every stored snapshot; older days of a longer window come from
     * their daily rollups (one stored row per day, the same spend, top-ups and gaps), so a year is read in
     * milliseconds: for those days {@code snapshots} holds each day's first, lowest and last balance, and
     * {@code topUps} one entry per day (the day's top-ups added up, at the last one). Reads the store
     * (blocking); everything else is pure.
     *
     * @throws IllegalArgumentException if {@code days < 1}
     */
    public static HistoryReport build(HistoryReader store, String accountId, int days, Instant now,
                                      SpendEstimator estimator) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(now, "now");
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(days - 1L);
        LocalDate detailedFirstDay = days <= DETAILED_DAYS ? firstDay : today.minusDays(DETAILED_DAYS - 1L);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant detailedFrom = detailedFirstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant weekAgo = now.minus(SpendEstimate.BURN_WINDOW);
        Instant load = detailedFrom.isBefore(weekAgo) ? detailedFrom : weekAgo;
        List<CurrencyHistory> out = new ArrayList<>();
        for (String currency : store.currencies(accountId)) {
            List<Observation> recent = store.observations(accountId, currency, load, now);
            SpendEstimate e = estimator.estimate(currency, recent, detailedFrom, now);
            List<DailyRollup> older = firstDay.isBefore(detailedFirstDay)
                    ? store.dailyRollups(accountId, currency, firstDay, detailedFirstDay.minusDays(1))
                    : List.of();
            if (e.sampleTimes().isEmpty() && older.isEmpty()) {
                // no balance in this currency: a spend-only provider (OpenAI, Anthropic) reports spend instead
                monthToDate(store, accountId, currency, firstDay, today, now).ifPresent(out::add);
                continue;
            }
            // burn rate and runway always over the last 7 days, whatever --days says (as on the cards)
            SpendEstimate week = estimator.lastWeek(currency, recent, now);

            List<BalanceAt> snapshots = new ArrayList<>(balances(older, from, detailedFrom.minusMillis(1)));
            snapshots.addAll(balances(recent, detailedFrom, now));
            BigDecimal spendTotal = e.spendTotal();
            // as for a folded day in SpendEstimate: a day's rollup is spend data, provider-reported only if all of it was
            boolean anySpend = e.hasSpend() || !older.isEmpty();
            boolean anyEstimated = e.hasSpend() && e.spendEstimated();
            List<TopUpAt> topUps = new ArrayList<>();
            for (DailyRollup d : older) {
                spendTotal = spendTotal.add(d.spend());
                anyEstimated |= !(d.providerReported() && !d.estimated());
                if (d.topUp().signum() > 0) {
                    topUps.add(new TopUpAt(d.lastTopUpAt() == null ? d.lastAt() : d.lastTopUpAt(), d.topUp()));
                }
            }
            e.topUps().forEach(t -> topUps.add(new TopUpAt(t.at(), t.amount())));
            List<DailySpend> daily = new ArrayList<>(days);
            if (firstDay.isBefore(detailedFirstDay)) {
                estimator.daily(older, firstDay, detailedFirstDay.minusDays(1))
                        .forEach(b -> daily.add(new DailySpend(b.date(), b.spend())));
            }
            e.daily().forEach(b -> daily.add(new DailySpend(b.date(), b.spend())));
            out.add(new CurrencyHistory(currency, snapshots, spendTotal, !anySpend || anyEstimated, topUps, daily,
                    week.burnRatePerDay(now).orElse(null), week.runwayDays(now).orElse(null), null));
        }
        return new HistoryReport(accountId, out);
    }

    /**
     * The series of a spend-only provider: the month-to-date spend it reported at each fetch in the window, the
     * figure for the current month as reported, and per day the growth of that figure within its month. A day
     * without a fetch has no data; the first figure of a month counts from zero only when it was taken on the
     * month's first day (otherwise it covers earlier days too, and only later growth is that day's); a figure
     * lower than the one before it (the provider revised it) is no spend, never negative.
     */
    private static java.util.Optional<CurrencyHistory> monthToDate(HistoryReader store, String accountId, String currency,
                                                                    LocalDate firstDay, LocalDate today, Instant now) {
        Instant loadFrom = firstDay.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SpendPoint> points = store.spendReports(accountId, currency, loadFrom, now).stream()
                .filter(p -> SpendReport.MONTH_TO_DATE.equals(p.period())).toList();
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<BalanceAt> snapshots = points.stream().filter(p -> !p.at().isBefore(from))
                .map(p -> new BalanceAt(p.at(), p.amount())).toList();
        if (snapshots.isEmpty()) {
            return java.util.Optional.empty();
        }
        YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
        BigDecimal spendTotal = null;
        for (SpendPoint p : points) {
            if (p.month().equals(thisMonth)) {
                spendTotal = p.amount();
            }
        }
        List<DailySpend> daily = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
            LocalDate day = d;
            List<SpendPoint> that = points.stream()
                    .filter(p -> LocalDate.ofInstant(p.at(), ZoneOffset.UTC).equals(day)).toList();
            if (that.isEmpty()) {
                daily.add(new DailySpend(day, null));
                continue;
            }
            SpendPoint last = that.getLast();
            YearMonth month = last.month();
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            BigDecimal baseline = null;
            for (SpendPoint p : points) {
                if (p.at().isBefore(dayStart) && p.month().equals(month)) {
                    baseline = p.amount();
                }
            }
            if (baseline == null) {
                SpendPoint firstOfMonth = that.stream().filter(p -> p.month().equals(month)).findFirst().orElse(last);
                baseline = day.equals(month.atDay(1)) ? BigDecimal.ZERO : firstOfMonth.amount();
            }
            BigDecimal spend = last.amount().subtract(baseline);
            daily.add(new DailySpend(day, spend.signum() < 0 ? BigDecimal.ZERO.setScale(spend.scale()) : spend));
        }
        return java.util.Optional.of(new CurrencyHistory(currency, snapshots, spendTotal, false, List.of(), daily, null,
                null, SpendReport.MONTH_TO_DATE));
    }

    private static List<BalanceAt> balances(List<? extends Observation> observations, Instant from, Instant to) {
        TreeMap<Instant, BigDecimal> byTime = new TreeMap<>();
        for (Observation o : observations) {
            switch (o) {
                case BalancePoint p -> put(byTime, p.at(), p.balance(), from, to);
                case DailyRollup d -> {
                    put(byTime, d.firstAt(), d.firstBalance(), from, to);
                    put(byTime, d.minAt(), d.minBalance(), from, to);
                    put(byTime, d.lastAt(), d.lastBalance(), from, to);
                }
            }
        }
        return byTime.entrySet().stream().map(e -> new BalanceAt(e.getKey(), e.getValue())).toList();
    }

    private static void put(Map<Instant, BigDecimal> byTime, Instant at, BigDecimal total, Instant from, Instant to) {
        if (at != null && total != null && !at.isBefore(from) && !at.isAfter(to)) {
            byTime.put(at, total);
        }
    }

    /**
     * The contract JSON as plain Java values: {@code {"account", "currencies": [{"currency", "snapshots":
     * [{"at", "total"}], "spendTotal", "spendEstimated", "topUps": [{"at", "amount"}], "daily": [{"date",
     * "spend"}], "burnRatePerDay", "runwayDays"}]}}. Money is a decimal string, times are ISO-8601 UTC,
     * absent values are {@code null}. Maps keep the contract's key order.
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("account", account);
        List<Object> list = new ArrayList<>();
        for (CurrencyHistory c : currencies) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("currency", c.currency());
            m.put("snapshots", c.snapshots().stream().map(s -> pair("at", s.at().toString(), "total", plain(s.total()))).toList());
            m.put("spendTotal", plain(c.spendTotal()));
            m.put("spendEstimated", c.spendEstimated());
            m.put("topUps", c.topUps().stream().map(t -> pair("at", t.at().toString(), "amount", plain(t.amount()))).toList());
            m.put("daily", c.daily().stream().map(d -> pair("date", d.date().toString(), "spend", plain(d.spend()))).toList());
            m.put("burnRatePerDay", plain(c.burnRatePerDay()));
            m.put("runwayDays", plain(c.runwayDays()));
            list.add(m);
        }
        root.put("currencies", list);
        return root;
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
