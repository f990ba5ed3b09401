package dev.tally.history;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated DeepSeek-style account (balances only) and an OpenRouter-style key (cumulative usage)
 * living through thousands of polls: random spending, top-ups, failed polls, polling gaps, process
 * restarts (the store is closed and reopened) and a currency switch (CNY, then CNY + USD, then USD
 * only). The true ledger is kept beside it; the estimator must match it exactly wherever that is
 * possible, and flag every step where it is not.
 */
class LedgerSimulationTest {
    private static final int STEPS = 5000;
    private static final Duration POLL = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-08-01T00:00:00Z");

    @TempDir
    Path dir;

    /** What really happened between two successful polls of one currency. */
    private record TrueStep(Instant from, Instant to, BigDecimal spend, BigDecimal topUp, boolean reset) {
    }

    /** Per-currency truth: the live ledger and what happened since the last successful poll. */
    private static final class Ledger {
        BigDecimal balance;
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal spentSincePoll = BigDecimal.ZERO;
        BigDecimal toppedUpSincePoll = BigDecimal.ZERO;
        boolean resetSincePoll;
        Instant lastPoll;
        final List<TrueStep> steps = new ArrayList<>();

        Ledger(String balance) {
            this.balance = new BigDecimal(balance);
        }

        void spend(BigDecimal amount) {
            balance = balance.subtract(amount);
            usage = usage.add(amount);
            spentSincePoll = spentSincePoll.add(amount);
        }

        void topUp(BigDecimal amount) {
            balance = balance.add(amount);
            toppedUpSincePoll = toppedUpSincePoll.add(amount);
        }

        void polled(Instant at) {
            if (lastPoll != null) {
                steps.add(new TrueStep(lastPoll, at, spentSincePoll, toppedUpSincePoll, resetSincePoll));
            }
            lastPoll = at;
            spentSincePoll = BigDecimal.ZERO;
            toppedUpSincePoll = BigDecimal.ZERO;
            resetSincePoll = false;
        }
    }

    private static BigDecimal cents(Random rng, int min, int max) {
        return BigDecimal.valueOf(min + rng.nextInt(max - min + 1), 2);
    }

    @Test
    void estimatedSpendMatchesTheTrueLedgerAndFlagsWhatCannotBeKnown() {
        Random rng = new Random(20261122L);
        Path db = dir.resolve("history.db");
        HistoryStore store = HistoryStore.open(db);
        Map<String, Ledger> ds = new TreeMap<>();
        Ledger cny = new Ledger("500.00");
        ds.put("CNY", cny);
        Ledger key = new Ledger("0");
        int restarts = 0;
        int failures = 0;
        int outage = 0;
        Instant t = START;
        try {
            for (int step = 0; step < STEPS; step++) {
                t = t.plus(POLL).plusSeconds(rng.nextInt(61) - 30);
                if (step == 1700) {
                    ds.put("USD", new Ledger("40.00")); // the account starts holding USD too
                }
                if (step == 3400) {
                    ds.remove("CNY"); // and from now on reports USD only
                }
                List<String> active = List.copyOf(ds.keySet());

                // what really happens on the accounts (spends of at most 2.00 between two polls)
                if (rng.nextInt(10) < 6) {
                    ds.get(active.get(rng.nextInt(active.size()))).spend(cents(rng, 1, 200));
                }
                if (rng.nextInt(1000) < 7) {
                    // top-ups are larger than anything spent during the longest gap (45 polls x 2.00)
                    ds.get(active.get(rng.nextInt(active.size()))).topUp(cents(rng, 15_000, 40_000));
                }
                if (rng.nextInt(10) < 5) {
                    key.spend(cents(rng, 0, 50));
                }
                if (rng.nextInt(1000) < 2) {
                    key.usage = BigDecimal.ZERO; // the key's usage counter is reset
                    key.resetSincePoll = true;
                }

                // polling
                if (outage > 0) {
                    outage--;
                    if (rng.nextBoolean()) {
                        store.writer().recordOutcome("ds", t, AccountStatus.NETWORK_ERROR, "no route to host");
                        failures++;
                    }
                    continue;
                }
                if (rng.nextInt(1000) < 4) {
                    outage = 3 + rng.nextInt(38); // laptop asleep
                    continue;
                }
                if (rng.nextInt(100) < 5) {
                    store.writer().recordOutcome("ds", t, AccountStatus.TIMEOUT, "DeepSeek did not answer within 10 s");
                    failures++;
                    continue;
                }
                List<CurrencyBalance> balances = new ArrayList<>();
                for (Map.Entry<String, Ledger> e : ds.entrySet()) {
                    balances.add(CurrencyBalance.of(e.getKey(), e.getValue().balance));
                    e.getValue().polled(t);
                }
                store.writer().recordSnapshot("ds", new BalanceSnapshot(Snap.DEEPSEEK, t, true, balances, null, null));
                store.writer().recordOutcome("ds", t, AccountStatus.OK, null);
                store.writer().recordSnapshot("or", Snap.openRouterKey(t, key.usage.toPlainString()));
                key.polled(t);

                if (rng.nextInt(1000) < 3) {
                    store.close(); // the process restarts
                    store = HistoryStore.open(db);
                    restarts++;
                }
            }
            Instant end = t;
            assertTrue(restarts >= 5 && failures >= 200, "the run exercised restarts and failures: " + restarts + ", " + failures);

            Map<String, List<TrueStep>> truth = new LinkedHashMap<>();
            truth.put("CNY", cny.steps);
            truth.put("USD", ds.get("USD").steps);
            SpendEstimator estimator = SpendEstimator.defaults();
            Instant from = START.minus(Duration.ofDays(1));
            Map<String, SpendEstimate> before = new LinkedHashMap<>();
            for (Map.Entry<String, List<TrueStep>> e : truth.entrySet()) {
                SpendEstimate est = estimator.estimate(e.getKey(), store.reader().observations("ds", e.getKey(), from, end), from, end);
                checkAgainstTruth(e.getKey(), est, e.getValue(), estimator.gapThreshold());
                before.put(e.getKey(), est);
            }
            SpendEstimate usage = estimator.estimate("USD", store.reader().observations("or", "USD", from, end), from, end);
            checkUsageAgainstTruth(usage, key.steps);
            assertEquals(List.of("CNY", "USD"), store.reader().currencies("ds"));

            // months later, retention folds all of it: the spend must not change
            Instant later = end.plus(Duration.ofDays(120));
            store.writer().applyRetention(later);
            assertTrue(store.reader().snapshots("ds", null, from, end).isEmpty(), "every raw row was folded");
            for (String currency : truth.keySet()) {
                SpendEstimate after = estimator.estimate(currency, store.reader().observations("ds", currency, from, end), from, end);
                assertEquals(before.get(currency).spendTotal(), after.spendTotal(), currency + " spend across the fold");
                assertEquals(before.get(currency).topUpTotal(), after.topUpTotal(), currency + " top-ups across the fold");
                assertEquals(before.get(currency).daily(), after.daily(), currency + " daily series across the fold");
            }
            SpendEstimate usageAfter = estimator.estimate("USD", store.reader().observations("or", "USD", from, end), from, end);
            assertEquals(usage.spendTotal(), usageAfter.spendTotal());
            assertFalse(usageAfter.spendEstimated());
        } finally {
            store.close();
        }
    }

    private void checkAgainstTruth(String currency, SpendEstimate est, List<TrueStep> truth, Duration gap) {
        List<SpendInterval> intervals = est.intervals();
        assertEquals(truth.size(), intervals.size(), currency + ": one step per pair of successful polls");
        BigDecimal exactTruth = BigDecimal.ZERO;
        int mixed = 0;
        for (int i = 0; i < truth.size(); i++) {
            TrueStep real = truth.get(i);
            SpendInterval s = intervals.get(i);
            String where = currency + " step " + i + " " + real;
            assertEquals(real.from(), s.from(), where);
            assertEquals(real.to(), s.to(), where);
            assertEquals(Duration.between(real.from(), real.to()).compareTo(gap) > 0, s.spansGap(), where);
            assertFalse(s.providerReported(), where);
            if (real.topUp().signum() == 0) {
                assertEquals(0, real.spend().compareTo(s.spend()), where + ": spend is exact without a top-up");
                assertFalse(s.mixed(), where);
                exactTruth = exactTruth.add(real.spend());
            } else {
                assertTrue(s.mixed(), where + ": a top-up step is flagged");
                assertEquals(0, s.spend().signum(), where);
                assertEquals(0, real.topUp().subtract(real.spend()).compareTo(s.topUp()), where + ": net top-up");
                mixed++;
            }
        }
        assertEquals(0, exactTruth.compareTo(est.spendTotal()), currency + " total");
        assertTrue(mixed > 0, currency + ": the run had top-ups");
        assertTrue(intervals.stream().anyMatch(SpendInterval::spansGap), currency + ": the run had gaps");
        assertEquals(mixed, est.topUps().size());
        BigDecimal dailySum = est.daily().stream().filter(SpendBucket::hasData).map(SpendBucket::spend)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, dailySum.compareTo(est.spendTotal()), currency + ": the daily series adds up");
    }

    private void checkUsageAgainstTruth(SpendEstimate est, List<TrueStep> truth) {
        List<SpendInterval> intervals = est.intervals();
        assertEquals(truth.size(), intervals.size());
        int resets = 0;
        for (int i = 0; i < truth.size(); i++) {
            TrueStep real = truth.get(i);
            SpendInterval s = intervals.get(i);
            assertTrue(s.providerReported());
            if (real.reset()) {
                assertTrue(s.usageReset() || s.spend().compareTo(real.spend()) <= 0, "reset step " + i);
                assertTrue(s.spend().compareTo(real.spend()) <= 0, "after a reset only the new usage is counted");
                resets += s.usageReset() ? 1 : 0;
            } else {
                assertEquals(0, real.spend().compareTo(s.spend()), "usage step " + i);
                assertFalse(s.usageReset());
            }
        }
        assertTrue(resets > 0, "the run had usage resets");
        assertFalse(est.spendEstimated());
    }
}
