package dev.tally.alert;

import dev.tally.core.Money;
import dev.tally.history.HistoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts on an estimated balance fire once per crossing, say they are estimates, and survive a relaunch. */
class EstimateAlertsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");
    private static final Money TEN = Money.of("10", "USD");

    @TempDir
    Path dir;
    private HistoryStore store;
    private int tick;

    @BeforeEach
    void open() {
        store = HistoryStore.open(dir.resolve("history.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Alert> poll(String estimate) {
        return new AlertRules(store.alertMarks(), AlertRules.DEFAULT_BAND, Clock.fixed(T0, ZoneOffset.UTC))
                .onEstimate("openai", "OpenAI", TEN, Money.of(estimate, "USD"), T0.plus(Duration.ofMinutes(5L * tick++)));
    }

    @Test
    void anEstimateBelowTheAlertSaysItIsAnEstimateOnceAndUsedUpOnceMore() {
        assertTrue(poll("40.00").isEmpty());
        List<Alert> low = poll("9.50");
        assertEquals(List.of(new Alert.EstimateLow("openai", "OpenAI", Money.of("9.50", "USD"), TEN)), low);
        assertEquals("OpenAI: ≈ $9.50 left by your estimate (your top-up minus the reported spend) — below your $10.00 alert",
                low.getFirst().displayText());
        assertEquals("OpenAI: estimated balance below your alert", low.getFirst().hiddenText());
        assertTrue(poll("8.00").isEmpty(), "no repeat, even after a relaunch (the marks are in the history)");
        List<Alert> used = poll("-0.20");
        assertEquals(List.of(new Alert.EstimateUsedUp("openai", "OpenAI")), used);
        assertTrue(used.getFirst().text().contains("estimated balance is used up"), used.getFirst().text());
        assertTrue(poll("-1.00").isEmpty());
        assertTrue(poll("120.00").isEmpty(), "a new top-up re-arms both");
        assertEquals(1, poll("9.00").size());
    }

    @Test
    void anEstimateInAnotherCurrencyThanTheAlertDecidesNothing() {
        assertTrue(new AlertRules(store.alertMarks()).onEstimate("openai", "OpenAI", Money.of("10", "EUR"),
                Money.of("1.00", "USD"), T0).isEmpty());
    }

    @Test
    void aSpendDisagreementAlertsOnceUntilAnAgreeingDayReArmsIt() {
        AlertRules rules = new AlertRules(store.alertMarks());
        Money diff = Money.of("4.20", "USD");
        assertTrue(rules.onSpendCheck("or", "OpenRouter", null, diff, T0, T0).isEmpty(), "too short to tell");
        List<Alert> first = rules.onSpendCheck("or", "OpenRouter", true, diff, T0, T0.plusSeconds(3600));
        assertEquals(List.of(new Alert.SpendDisagrees("or", "OpenRouter", diff, T0)), first);
        assertEquals("OpenRouter: the balance fell $4.20 more than the usage the provider reports since"
                + " 2026-11-22T05:00:00Z — another key, a leaked key or untracked usage?", first.getFirst().text());
        assertEquals("OpenRouter: the balance fell more than the reported usage", first.getFirst().hiddenText());
        assertTrue(new AlertRules(store.alertMarks()).onSpendCheck("or", "OpenRouter", true, diff, T0, T0).isEmpty(),
                "not again, even after a relaunch");
        assertTrue(rules.onSpendCheck("or", "OpenRouter", null, diff, T0, T0).isEmpty(), "an undecided day keeps the mark");
        assertTrue(rules.onSpendCheck("or", "OpenRouter", false, diff, T0, T0).isEmpty());
        assertEquals(1, rules.onSpendCheck("or", "OpenRouter", true, diff, T0, T0).size(), "re-armed by agreement");
    }
}
