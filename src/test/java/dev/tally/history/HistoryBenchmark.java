package dev.tally.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Benchmark (run by {@code bench/history-bench.sh}, not by the test suite): one account, one year of
 * 5-minute DeepSeek-style snapshots. Reports insert time, file size before and after retention, the
 * 7-day hourly and 1-year daily spend queries, and what {@code tally history --json} does with them
 * (report + JSON text, for 7 and 365 days); median of N runs after warm-up.
 * Usage: {@code HistoryBenchmark [runs] [work-dir]}.
 */
public final class HistoryBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final String ACCOUNT = "deepseek-work";
    private static final String CNY = "CNY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tally-history-bench");
        Path db = work.resolve("history.db");
        Files.deleteIfExists(db);
        List<BalanceSnapshot> year = year();
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d snapshots (%s .. %s), median of %d runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), year.size(),
                year.getFirst().fetchedAt(), year.getLast().fetchedAt(), runs);

        long t0 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i = 0; i < year.size(); i += 288) {
                store.writer().recordSnapshots(ACCOUNT, year.subList(i, Math.min(year.size(), i + 288)), HistoryStore.SOURCE_POLL);
            }
        }
        double insertS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "insert, one transaction per day of snapshots : %.2f s (%.1f µs per snapshot)%n",
                insertS, insertS * 1e6 / year.size());
        System.out.printf(Locale.ROOT, "file size, 1 year raw                        : %s%n", size(db));
        singleAppends(work.resolve("append.db"), runs);

        queries(db, runs, "before retention");
        try (HistoryStore store = HistoryStore.open(db)) {
            t0 = System.nanoTime();
            RetentionResult r = store.writer().applyRetention(NOW);
            System.out.printf(Locale.ROOT, "retention (fold > 90 days, compact)          : %.0f ms, %s%n",
                    (System.nanoTime() - t0) / 1e6, r);
        }
        System.out.printf(Locale.ROOT, "file size, after retention                   : %s%n", size(db));
        queries(db, runs, "after retention");
    }

    /** Latency of the poller's path: one snapshot per call, its own transaction and rollup recomputation. */
    private static void singleAppends(Path db, int runs) throws IOException {
        Files.deleteIfExists(db);
        List<BalanceSnapshot> year = year();
        List<BalanceSnapshot> week = year.subList(year.size() - 7 * 288, year.size());
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshots(ACCOUNT, week.subList(0, week.size() - 500), HistoryStore.SOURCE_POLL);
            long[] ns = new long[500];
            for (int i = 0; i < 500; i++) {
                long t = System.nanoTime();
                store.writer().recordSnapshot(ACCOUNT, week.get(week.size() - 500 + i));
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "single recordSnapshot (poller path), n=500   : median %.2f ms, p95 %.2f ms%n",
                    ns[250] / 1e6, ns[475] / 1e6);
        }
    }

    private static void queries(Path db, int runs, String when) {
        SpendEstimator estimator = SpendEstimator.defaults();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        try (HistoryStore store = HistoryStore.open(db)) {
            Instant weekAgo = NOW.minus(Duration.ofDays(7));
            report("7-day hourly spend (" + when + ")", runs, () -> estimator
                    .estimate(CNY, store.reader().observations(ACCOUNT, CNY, weekAgo, NOW), weekAgo, NOW).hourly());
            report("1-year daily spend (" + when + ")", runs, () -> estimator
                    .daily(store.reader().dailyRollups(ACCOUNT, CNY, today.minusDays(364), today), today.minusDays(364), today));
            report("HistoryReport 7 days (" + when + ")", runs, () -> HistoryReport.build(store.reader(), ACCOUNT, 7, NOW).currencies());
            report("HistoryReport 365 days (" + when + ")", runs,
                    () -> HistoryReport.build(store.reader(), ACCOUNT, 365, NOW).currencies().getFirst().snapshots());
            // what 'tally history ACCOUNT --days 365 --json' does after start-up: the report, then its JSON text
            report("history --days 365 --json (" + when + ")", runs, () -> json(HistoryReport.build(store.reader(), ACCOUNT, 365, NOW)));
            report("history --days 7 --json (" + when + ")", runs, () -> json(HistoryReport.build(store.reader(), ACCOUNT, 7, NOW)));
        }
    }

    private static String json(HistoryReport r) {
        try {
            return JSON.writeValueAsString(r.toJsonTree());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, int runs, Supplier<?> query) {
        Object result = null;
        for (int i = 0; i < 20; i++) {
            result = query.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        String size = result instanceof String text ? String.format(Locale.ROOT, "%.0f KB of JSON", text.length() / 1024.0)
                : ((List<?>) result).size() + " items";
        System.out.printf(Locale.ROOT, "%-45s: median %6.2f ms (min %.2f, max %.2f; %s)%n",
                what, ms[runs / 2], ms[0], ms[runs - 1], size);
    }

    private static String size(Path db) throws IOException {
        long total = 0;
        StringBuilder parts = new StringBuilder();
        try (Stream<Path> files = Files.list(db.getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(db.getFileName().toString())).toList()) {
                total += Files.size(p);
                parts.append(' ').append(p.getFileName()).append('=').append(Files.size(p));
            }
        }
        return String.format(Locale.ROOT, "%.2f MB (%d bytes:%s)", total / 1048576.0, total, parts);
    }

    /** A year of 5-minute polls ending at {@link #NOW}: small spends, a top-up now and then, grant used first. */
    private static List<BalanceSnapshot> year() {
        Random rng = new Random(1);
        int n = 365 * 288;
        List<BalanceSnapshot> out = new ArrayList<>(n);
        BigDecimal granted = new BigDecimal("10.00");
        BigDecimal paid = new BigDecimal("200.00");
        Instant start = NOW.minus(Duration.ofMinutes(5L * (n - 1)));
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(3) == 0) {
                BigDecimal spend = BigDecimal.valueOf(rng.nextInt(40), 2);
                BigDecimal fromGrant = spend.min(granted);
                granted = granted.subtract(fromGrant);
                paid = paid.subtract(spend.subtract(fromGrant));
            }
            if (paid.compareTo(new BigDecimal("20")) < 0) {
                paid = paid.add(new BigDecimal("100.00"));
            }
            out.add(new BalanceSnapshot(Snap.DEEPSEEK, start.plus(Duration.ofMinutes(5L * i)), true,
                    List.of(new CurrencyBalance(CNY, granted.add(paid), granted, paid, false)), null, null));
        }
        return out;
    }
}
