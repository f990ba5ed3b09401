package dev.tally.alert;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.history.HistoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transitions the alert hooks hear about: fetch_failed after a streak (once), and recovered. */
class TransitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");
    private static final Money FIVE = Money.of("5.00", "CNY");

    @TempDir
    Path dir;
    private HistoryStore store;
    private AlertRules rules;
    private int tick;

    @BeforeEach
    void open() {
        store = HistoryStore.open(dir.resolve("history.db"));
        rules = new AlertRules(store.alertMarks(), AlertRules.DEFAULT_BAND, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AlertRules.Result ok(String total) {
        return rules.evaluateSuccess("ds", "ds", FIVE, new BalanceSnapshot(ProviderId.of("deepseek"),
                T0.plus(Duration.ofMinutes(5L * tick++)), true, List.of(CurrencyBalance.of("CNY", new BigDecimal(total))),
                null, null));
    }

    private AlertRules.Result fail(FetchError e, int failures) {
        return rules.evaluateFailure("ds", "ds", e, failures);
    }

    @Test
    void aStreakOfFailuresIsSaidOnceAndItsEndIsRecovered() {
        FetchError down = new FetchError.NetworkError("connection refused");
        assertTrue(fail(down, 1).transitions().isEmpty());
        assertTrue(fail(down, 2).transitions().isEmpty());
        var third = fail(down, 3);
        assertTrue(third.alerts().isEmpty(), "not a desktop alert");
        var failed = assertInstanceOf(Transition.FetchFailed.class, third.transitions().getFirst());
        assertEquals(3, failed.failures());
        assertEquals("connection refused", failed.error().message());
        assertTrue(fail(down, 4).transitions().isEmpty(), "coalesced: once per outage");
        assertTrue(fail(new FetchError.Timeout("slow"), 5).transitions().isEmpty());

        var back = ok("100.00");
        var recovered = assertInstanceOf(Transition.Recovered.class, back.transitions().getFirst());
        assertEquals(List.of("fetch_failed"), recovered.ended());
        assertTrue(ok("99.00").transitions().isEmpty(), "only the first success after the outage");
        assertEquals(1, fail(down, 3).transitions().size(), "re-armed by the success");
    }

    @Test
    void aRefusedKeyIsKeyRejectedNotFetchFailedAndItsEndIsRecovered() {
        FetchError refused = new FetchError.AuthFailed("DeepSeek refused the key");
        var first = fail(refused, 1);
        assertEquals(1, first.alerts().size());
        for (int i = 2; i < 6; i++) {
            assertTrue(fail(refused, i).transitions().isEmpty(), "a refused key never counts towards fetch_failed");
        }
        var recovered = assertInstanceOf(Transition.Recovered.class, ok("100.00").transitions().getFirst());
        assertEquals(List.of("key_rejected"), recovered.ended());
    }

    @Test
    void aTopUpAfterALowBalanceIsRecovered() {
        assertEquals(1, ok("4.00").alerts().size());
        assertTrue(ok("5.40").transitions().isEmpty(), "still inside the band");
        var recovered = assertInstanceOf(Transition.Recovered.class, ok("50.00").transitions().getFirst());
        assertEquals(List.of("low_balance"), recovered.ended());
    }

    @Test
    void aStreakAnnouncedBeforeARelaunchIsNotAnnouncedAgain() {
        FetchError down = new FetchError.ProviderError("503 from the provider", 503);
        assertEquals(1, fail(down, 3).transitions().size());
        store.close();
        store = HistoryStore.open(dir.resolve("history.db"));
        rules = new AlertRules(store.alertMarks());
        assertTrue(fail(down, 4).transitions().isEmpty());
    }

    @Test
    void theStreakLengthCanBeChosen() {
        rules.failureStreak(1);
        assertEquals(1, fail(new FetchError.Timeout("slow"), 1).transitions().size());
    }
}
