package dev.tally.engine;

import dev.tally.core.Money;
import dev.tally.engine.StatusSummary.Entry;
import dev.tally.engine.StatusSummary.State;
import dev.tally.poll.Health;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-line summary for status bars: which state counts as worst, which balance is shown, how ages read. */
class StatusSummaryTest {
    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");

    private static Entry entry(String id, State state, String amount, String currency, long secondsAgo) {
        return new Entry(id, id, "deepseek", state, amount == null ? null : Money.of(amount, currency),
                amount == null ? null : NOW.minusSeconds(secondsAgo));
    }

    @Test
    void theWorstStateWinsAndItsLowestBalanceIsShownWithTheOldestAge() {
        StatusSummary s = new StatusSummary(List.of(
                entry("a", State.LIVE, "1.00", "USD", 60),
                entry("b", State.LOW, "3.10", "CNY", 120),
                entry("c", State.LOW, "9.00", "CNY", 30),
                entry("d", State.STALE, "50.00", "USD", 7200)));
        assertEquals("⚠ 2 · ¥3.10 · 2h", s.shortLine(NOW), "two low accounts; the oldest balance is 2 h old");
    }

    @Test
    void aFailingAccountIsWorseThanALowOneAndUnsupportedOnesDoNotCount() {
        StatusSummary s = new StatusSummary(List.of(
                entry("a", State.LOW, "3.10", "CNY", 60),
                entry("b", State.ERROR, null, null, 0),
                entry("c", State.UNSUPPORTED, null, null, 0)));
        assertEquals("✖ 1 · ¥3.10 · 1m", s.shortLine(NOW), "no balance among the failing: the lowest of all");
        assertEquals("no accounts", new StatusSummary(List.of()).shortLine(NOW));
    }

    @Test
    void aBalanceBelowTheThresholdOrExhaustedIsLowUnlessTheAccountFails() {
        Money threshold = Money.of("5", "CNY");
        assertEquals(State.LOW, State.of(Health.LIVE, Money.of("4.99", "CNY"), threshold));
        assertEquals(State.LIVE, State.of(Health.LIVE, Money.of("5.00", "CNY"), threshold));
        assertEquals(State.LOW, State.of(Health.STALE, Money.of("0.00", "USD"), null), "exhausted is low");
        assertEquals(State.LIVE, State.of(Health.LIVE, Money.of("1.00", "USD"), threshold), "another currency");
        assertEquals(State.ERROR, State.of(Health.ERROR, Money.of("1.00", "CNY"), threshold));
    }

    @Test
    void agesAreWholeUnits() {
        assertEquals("59s", StatusSummary.age(NOW.minusSeconds(59), NOW));
        assertEquals("1m", StatusSummary.age(NOW.minusSeconds(119), NOW));
        assertEquals("47h", StatusSummary.age(NOW.minusSeconds(47 * 3600 + 10), NOW));
        assertEquals("3d", StatusSummary.age(NOW.minusSeconds(3 * 86400), NOW));
    }

    @Test
    void formatFillsEveryPlaceholderAndMarksUnknownValues() {
        StatusSummary s = new StatusSummary(List.of(entry("a", State.PENDING, null, null, 0)));
        assertEquals(List.of("a a deepseek pending … - - - - -"),
                s.format("{id} {label} {provider} {state} {symbol} {amount} {number} {currency} {age} {updated}", NOW));
        assertTrue(StatusSummary.templateProblem("{label} {amount}").isEmpty());
        assertTrue(StatusSummary.templateProblem("{label} {nope}").orElseThrow().startsWith("unknown placeholder {nope}"));
    }
}
