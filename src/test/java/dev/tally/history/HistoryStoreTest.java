package dev.tally.history;

import dev.tally.alert.AlertMark;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.SpendReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private static String pragma(Path db, String pragma) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void exec(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void migratesAnEmptyFileToTheCurrentSchemaInWalMode() throws Exception {
        Path db = dir.resolve("data/history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            assertEquals("wal", pragma(db, "journal_mode"));
            assertTrue(store.reader().accounts().isEmpty());
        }
        assertEquals("2", pragma(db, "user_version"), "v2 added the spend since a known top-up");
        Path empty = dir.resolve("zero-bytes.db");
        Files.createFile(empty);
        try (HistoryStore store = HistoryStore.open(empty)) {
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "1.00"));
            assertEquals(List.of("ds"), store.reader().accounts());
        }
    }

    @Test
    void reopeningAnExistingV1FileKeepsEverything() {
        Path db = dir.resolve("history.db");
        BalanceSnapshot two = Snap.deepseek(T0, "USD", "3.50", "CNY", "110.00");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("ds", two, HistoryStore.SOURCE_CLI);
            store.writer().recordOutcome("ds", T0, AccountStatus.OK, null);
            store.writer().recordOutcome("ds", T0.plusSeconds(300), AccountStatus.TIMEOUT, "DeepSeek did not answer within 10 s");
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(2, store.schemaVersion(), "v2 added the spend since a known top-up");
            assertEquals(two, store.reader().lastSnapshot("ds").orElseThrow());
            PollOutcome last = store.reader().lastOutcome("ds").orElseThrow();
            assertEquals(AccountStatus.TIMEOUT, last.status());
            assertEquals("DeepSeek did not answer within 10 s", last.message());
            assertEquals(List.of("CNY", "USD"), store.reader().currencies("ds"));
            List<SnapshotRow> rows = store.reader().snapshots("ds", null, T0, T0);
            assertEquals(2, rows.size());
            assertEquals("110.00", rows.getFirst().total().toPlainString(), "money keeps its exact scale");
            assertEquals(HistoryStore.SOURCE_CLI, rows.getFirst().source());
        }
    }

    @Test
    void moneyIsStoredAsDecimalTextNeverReal() throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "0.10"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT typeof(total), total FROM snapshot")) {
            assertTrue(rs.next());
            assertEquals("text", rs.getString(1));
            assertEquals("0.10", rs.getString(2));
        }
    }

    @Test
    void refusesAFileFromANewerTally() throws Exception {
        Path db = dir.resolve("history.db");
        HistoryStore.open(db).close();
        exec(db, "PRAGMA user_version = 99");
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(db));
        assertTrue(e.getMessage().contains("newer Tally"), e.getMessage());
        assertTrue(e.getMessage().contains(db.getFileName().toString()), e.getMessage());
    }

    @Test
    void refusesFilesThatAreNotTallyHistory() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, it is a shopping list ".repeat(200));
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(garbage));
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());

        Path foreign = dir.resolve("foreign.db");
        exec(foreign, "CREATE TABLE recipes (name TEXT)");
        e = assertThrows(HistoryException.class, () -> HistoryStore.open(foreign));
        assertTrue(e.getMessage().contains("not a Tally history file"), e.getMessage());
    }

    @Test
    void lastSnapshotRebuildsKeyLimitsSpendReportsAndAvailability() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            BalanceSnapshot key = new BalanceSnapshot(Snap.OPENROUTER, T0, null, List.of(), null,
                    new KeyLimit("USD", new BigDecimal("100"), new BigDecimal("74.5"), new BigDecimal("25.5"), "monthly"));
            store.writer().recordSnapshot("or", key);
            assertEquals(key, store.reader().lastSnapshot("or").orElseThrow());

            BalanceSnapshot spend = new BalanceSnapshot(dev.tally.core.ProviderId.of("openai"), T0, null, List.of(),
                    new SpendReport(Money.of("12.34", "USD"), SpendReport.MONTH_TO_DATE,
                            Instant.parse("2026-11-01T00:00:00Z"), T0), null);
            store.writer().recordSnapshot("oa", spend);
            assertEquals(spend, store.reader().lastSnapshot("oa").orElseThrow());

            BalanceSnapshot unavailable = new BalanceSnapshot(Snap.DEEPSEEK, T0.plusSeconds(60), false,
                    List.of(new CurrencyBalance("CNY", new BigDecimal("-0.01"), new BigDecimal("0"), new BigDecimal("-0.01"), true)),
                    null, null);
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "1.00"));
            store.writer().recordSnapshot("ds", unavailable);
            assertEquals(unavailable, store.reader().lastSnapshot("ds").orElseThrow());
            assertTrue(store.reader().lastSnapshot("nobody").isEmpty());
            assertTrue(store.reader().lastOutcome("ds").isEmpty());
        }
    }

    @Test
    void rollupsMatchARecomputationWhateverTheOrderOfWrites() {
        List<BalanceSnapshot> all = new ArrayList<>();
        Random rng = new Random(11);
        BigDecimal b = new BigDecimal("300.00");
        Instant t = Instant.parse("2026-09-01T22:00:00Z");
        for (int i = 0; i < 1500; i++) {
            t = t.plus(Duration.ofMinutes(rng.nextInt(30) == 0 ? 200 : 5));
            b = rng.nextInt(40) == 0 ? b.add(new BigDecimal("25.00")) : b.subtract(BigDecimal.valueOf(rng.nextInt(60), 2));
            all.add(Snap.deepseek(t, "CNY", b.toPlainString()));
        }
        List<BalanceSnapshot> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, rng);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            int i = 0;
            while (i < shuffled.size()) {
                int n = 1 + rng.nextInt(i < 200 ? 1 : 300);
                store.writer().recordSnapshots("ds", shuffled.subList(i, Math.min(shuffled.size(), i + n)), HistoryStore.SOURCE_POLL);
                i += n;
            }
            List<BalancePoint> points = all.stream()
                    .map(s -> new BalancePoint(s.fetchedAt(), s.balances().getFirst().total(), null)).toList();
            List<DailyRollup> expected = SpendEstimator.rollUp(null, points);
            assertEquals(expected, store.reader().dailyRollups("ds", "CNY", LocalDate.MIN, LocalDate.MAX));
        }
    }

    @Test
    void retentionFoldsOldDaysAndSpendStaysRightAcrossTheFold() {
        Instant start = Instant.parse("2026-06-01T00:02:00Z");
        Instant now = start.plus(Duration.ofDays(120));
        List<BalanceSnapshot> snaps = new ArrayList<>();
        Random rng = new Random(5);
        BigDecimal b = new BigDecimal("1000.00");
        for (Instant t = start; t.isBefore(now); t = t.plus(Duration.ofMinutes(rng.nextInt(100) == 0 ? 90 : 5))) {
            if (rng.nextInt(500) == 0) {
                b = b.add(new BigDecimal("200.00"));
            } else {
                b = b.subtract(BigDecimal.valueOf(rng.nextInt(20), 2));
            }
            snaps.add(Snap.deepseek(t, "CNY", b.toPlainString()));
        }
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshots("ds", snaps, HistoryStore.SOURCE_POLL);
            store.writer().recordOutcome("ds", start, AccountStatus.OK, null);
            SpendEstimator est = SpendEstimator.defaults();
            Instant from = start.minus(Duration.ofDays(1));
            SpendEstimate before = est.estimate("CNY", store.reader().observations("ds", "CNY", from, now), from, now);
            Instant mid = now.minus(Duration.ofDays(100));
            SpendEstimate beforeAcross = est.estimate("CNY", store.reader().observations("ds", "CNY", mid, now), mid, now);

            RetentionResult r = store.writer().applyRetention(now);
            assertTrue(r.foldedDays() >= 29, "days older than 90 days are folded: " + r);
            assertTrue(r.removedSnapshots() > 7000, r.toString());
            assertEquals(1, r.removedOutcomes());
            Instant cutoff = now.minus(HistoryStore.RAW_RETENTION);
            assertTrue(store.reader().snapshots("ds", "CNY", start, cutoff.minus(Duration.ofDays(1))).isEmpty(), "raw rows are gone");
            assertFalse(store.reader().snapshots("ds", "CNY", cutoff, now).isEmpty(), "recent raw rows stay");
            List<DailyRollup> old = store.reader().dailyRollups("ds", "CNY", LocalDate.MIN, LocalDate.ofInstant(cutoff, ZoneOffset.UTC).minusDays(1));
            assertTrue(old.stream().allMatch(DailyRollup::folded));
            assertTrue(old.stream().allMatch(d -> d.firstBalance() != null && d.minBalance() != null && d.lastBalance() != null),
                    "folded days keep first/min/last");

            SpendEstimate after = est.estimate("CNY", store.reader().observations("ds", "CNY", from, now), from, now);
            assertEquals(before.spendTotal(), after.spendTotal());
            assertEquals(before.topUpTotal(), after.topUpTotal());
            assertEquals(before.daily(), after.daily(), "daily spend is the same before and after the fold");
            SpendEstimate afterAcross = est.estimate("CNY", store.reader().observations("ds", "CNY", mid, now), mid, now);
            assertEquals(beforeAcross.spendTotal(), afterAcross.spendTotal(), "a window starting inside folded days");
            assertEquals(beforeAcross.daily(), afterAcross.daily());
            assertEquals(est.daily(store.reader().dailyRollups("ds", "CNY", LocalDate.MIN, LocalDate.MAX),
                    LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC)), after.daily());

            // a late snapshot on a folded day cannot change its final summary
            store.writer().recordSnapshot("ds", Snap.deepseek(start.plus(Duration.ofDays(3)).plusSeconds(1), "CNY", "1.00"));
            assertEquals(after.spendTotal(), est.estimate("CNY", store.reader().observations("ds", "CNY", from, now), from, now).spendTotal());
            // and the next poll still compares against the last raw snapshot
            BalanceSnapshot last = snaps.getLast();
            BigDecimal lastTotal = last.balances().getFirst().total();
            store.writer().recordSnapshot("ds", Snap.deepseek(now.plusSeconds(300), "CNY", lastTotal.subtract(BigDecimal.ONE).toPlainString()));
            SpendEstimate next = est.estimate("CNY", store.reader().observations("ds", "CNY", from, now.plusSeconds(300)), from, now.plusSeconds(300));
            assertEquals(after.spendTotal().add(BigDecimal.ONE), next.spendTotal());
        }
    }

    @Test
    void lastSnapshotFallsBackToTheLastFoldedDay() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "7.00"));
            store.writer().recordSnapshot("ds", Snap.deepseek(T0.plusSeconds(300), "CNY", "6.50"));
            store.writer().applyRetention(T0.plus(Duration.ofDays(200)));
            BalanceSnapshot s = store.reader().lastSnapshot("ds").orElseThrow();
            assertEquals(T0.plusSeconds(300), s.fetchedAt());
            assertEquals(new BigDecimal("6.50"), s.balances().getFirst().total());
        }
    }

    @Test
    void retentionGivesSpaceBack() throws Exception {
        Path db = dir.resolve("h.db");
        List<BalanceSnapshot> snaps = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            snaps.add(Snap.deepseek(T0.plus(Duration.ofMinutes(5L * i)), "CNY", BigDecimal.valueOf(1_000_000 - i, 2).toPlainString()));
        }
        long big;
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshots("ds", snaps, HistoryStore.SOURCE_POLL);
        }
        big = Files.size(db);
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().applyRetention(T0.plus(Duration.ofDays(500)));
        }
        assertTrue(Files.size(db) < big / 4, "file shrank from " + big + " to " + Files.size(db));
    }

    @Test
    void alertMarksArePersisted() {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.alertMarks().put(new AlertMark("ds", "low_balance", "CNY", new BigDecimal("4.20"), T0));
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            AlertMark m = store.alertMarks().find("ds", "low_balance").orElseThrow();
            assertEquals(new BigDecimal("4.20"), m.amount());
            assertEquals("CNY", m.currency());
            store.alertMarks().clear("ds", "low_balance");
            assertTrue(store.alertMarks().find("ds", "low_balance").isEmpty());
            store.alertMarks().clear("never-seen", "low_balance");
        }
    }

    @Test
    void threadsAndASecondProcessConnectionCanWriteAtTheSameTime() throws Exception {
        Path db = dir.resolve("h.db");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HistoryStore widget = HistoryStore.open(db); HistoryStore cli = HistoryStore.open(db)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                String account = "acct" + a;
                HistoryStore store = a % 2 == 0 ? widget : cli;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        store.writer().recordSnapshot(account, Snap.deepseek(T0.plusSeconds(60L * i), "CNY", String.valueOf(1000 - i)));
                        store.writer().recordOutcome(account, T0.plusSeconds(60L * i), AccountStatus.OK, null);
                        store.reader().lastSnapshot(account).orElseThrow();
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(120, TimeUnit.SECONDS);
            }
            for (int a = 0; a < 4; a++) {
                assertEquals(150, widget.reader().snapshots("acct" + a, "CNY", T0, T0.plus(Duration.ofDays(1))).size());
                assertEquals(new BigDecimal("149"), HistoryReport.build(widget.reader(), "acct" + a, 1, T0.plus(Duration.ofHours(3)))
                        .currencies().getFirst().spendTotal());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriterKilledMidWriteLeavesAReadableDatabase() throws Exception {
        Path db = dir.resolve("crash/history.db");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                CrashWriter.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        int committed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed >= 300) {
                        break;
                    }
                } else {
                    System.err.println("child: " + line);
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer was killed");
        }
        assertTrue(committed >= 300, "the child wrote before it was killed (last: " + committed + ")");
        assertNotEquals(0, child.exitValue(), "killed, not finished");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals("ok", pragma(db, "integrity_check"));
            List<SnapshotRow> rows = store.reader().snapshots("crash", "CNY", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
            assertTrue(rows.size() >= committed + 1, "every committed snapshot survived: " + rows.size() + " < " + (committed + 1));
            BalanceSnapshot last = store.reader().lastSnapshot("crash").orElseThrow();
            assertEquals(rows.getLast().at(), last.fetchedAt());
            List<BalancePoint> points = rows.stream().map(r -> new BalancePoint(r.at(), r.total(), null)).toList();
            assertEquals(SpendEstimator.rollUp(null, points), store.reader().dailyRollups("crash", "CNY", LocalDate.MIN, LocalDate.MAX),
                    "rollups were written in the same transaction as their snapshots");
            store.writer().recordSnapshot("crash", Snap.deepseek(Instant.parse("2099-01-01T00:00:00Z"), "CNY", "1"));
        }
    }
}
