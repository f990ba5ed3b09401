package dev.tally.tray;

import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.poll.AccountState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tally.tray.TrayFixtures.NOW;
import static dev.tally.tray.TrayFixtures.balance;
import static dev.tally.tray.TrayFixtures.deepseek;
import static dev.tally.tray.TrayFixtures.deepseekWork;
import static dev.tally.tray.TrayFixtures.failed;
import static dev.tally.tray.TrayFixtures.keyLimit;
import static dev.tally.tray.TrayFixtures.minutesAgo;
import static dev.tally.tray.TrayFixtures.moonshot;
import static dev.tally.tray.TrayFixtures.ok;
import static dev.tally.tray.TrayFixtures.openrouter;
import static dev.tally.tray.TrayFixtures.pending;
import static dev.tally.tray.TrayFixtures.target;
import static dev.tally.tray.TrayFixtures.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraySummaryTest {

    private static TraySummary.Line only(AccountState s) {
        return TraySummary.of(List.of(s), NOW).accounts().getFirst();
    }

    @Test
    void worstOrderIsErrorLowStaleNoDataOk() {
        assertEquals(TrayState.ERROR, TrayState.worst(TrayState.OK, TrayState.LOW, TrayState.ERROR, TrayState.STALE));
        assertEquals(TrayState.LOW, TrayState.worst(TrayState.STALE, TrayState.LOW, TrayState.NO_DATA));
        assertEquals(TrayState.STALE, TrayState.worst(TrayState.OK, TrayState.STALE, TrayState.NO_DATA));
        assertEquals(TrayState.NO_DATA, TrayState.worst(TrayState.OK, TrayState.NO_DATA));
        assertEquals(TrayState.OK, TrayState.worst(TrayState.OK, TrayState.OK));
        assertEquals(TrayState.NO_DATA, TrayState.worst(List.of()), "no accounts: nothing to show yet");
    }

    @Test
    void freshBalancesAboveTheirThresholdAreOk() {
        TraySummary s = TraySummary.of(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                ok(openrouter(), balance("openrouter", minutesAgo(1), "USD", "74.50"))), NOW);
        assertEquals(TrayState.OK, s.overall());
        assertEquals(List.of(TrayState.OK, TrayState.OK), s.accounts().stream().map(TraySummary.Line::state).toList());
    }

    @Test
    void belowTheThresholdInItsCurrencyIsLow() {
        TraySummary.Line l = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "4.20")));
        assertEquals(TrayState.LOW, l.state());
        assertTrue(l.low());
        TraySummary.Line exactly = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "5.00")));
        assertEquals(TrayState.OK, exactly.state(), "at the threshold is not below it");
    }

    @Test
    void aThresholdInAnotherCurrencyIsNotComparedAcrossCurrencies() {
        TraySummary.Line l = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "USD", "1.00")));
        assertEquals(TrayState.OK, l.state());
        assertFalse(l.low());
    }

    @Test
    void aKeyLimitBelowTheThresholdIsLow() {
        var t = target("or-key", "openrouter", "OpenRouter key", Money.of("10", "USD"));
        assertEquals(TrayState.LOW, only(ok(t, keyLimit(minutesAgo(1), "100", "7.50"))).state());
    }

    @Test
    void exhaustedBalancesAreErrors() {
        TraySummary.Line zero = only(ok(moonshot(), balance("moonshot", minutesAgo(2), "CNY", "0")));
        assertEquals(TrayState.ERROR, zero.state());
        assertEquals("exhausted", zero.problem());
        assertEquals(TrayState.ERROR, only(ok(moonshot(), balance("moonshot", minutesAgo(2), "CNY", "-3.10"))).state());
        TraySummary.Line off = only(ok(deepseek(), unavailable("deepseek", minutesAgo(2), "CNY", "12.00")));
        assertEquals(TrayState.ERROR, off.state());
        assertEquals("not available", off.problem());
        assertEquals(TrayState.ERROR, only(ok(openrouter(), keyLimit(minutesAgo(1), "20", "0"))).state());
    }

    @Test
    void rejectedKeysAndBrokenAnswersAreErrors() {
        var e = failed(moonshot(), null, new FetchError.AuthFailed("Moonshot rejected the API key (HTTP 401)"), minutesAgo(3));
        TraySummary.Line l = only(e);
        assertEquals(TrayState.ERROR, l.state());
        assertEquals("key rejected", l.problem());
        assertEquals(minutesAgo(3), l.problemAt());
        assertEquals(TrayState.ERROR, only(failed(deepseek(), balance("deepseek", minutesAgo(30), "CNY", "110"),
                new FetchError.BadResponse("no balance_infos"), minutesAgo(1))).state(),
                "an error outranks the old value it keeps");
        assertEquals(TrayState.ERROR, only(failed(deepseek(), null, new FetchError.NoKey("no key"), NOW)).state());
    }

    @Test
    void passingFailuresKeepTheOldValueMarkedStale() {
        var last = balance("deepseek", minutesAgo(6), "CNY", "110.00");
        TraySummary.Line l = only(failed(deepseek(), last, new FetchError.Timeout("timed out"), minutesAgo(1)));
        assertEquals(TrayState.STALE, l.state());
        assertEquals("timed out", l.problem());
        assertEquals(last, l.value(), "a failed poll never erases the last good value");
        assertEquals(TrayState.NO_DATA, only(failed(deepseek(), null,
                new FetchError.NetworkError("no route"), minutesAgo(1))).state(), "nothing to call stale yet");
    }

    @Test
    void oldValuesAreStaleAfterTwiceTheInterval() {
        assertEquals(TrayState.OK, only(ok(deepseek(), balance("deepseek", minutesAgo(10), "CNY", "110"))).state());
        assertEquals(TrayState.STALE, only(ok(deepseek(), balance("deepseek", minutesAgo(11), "CNY", "110"))).state());
    }

    @Test
    void overallIsTheWorstAccountAndUnsupportedProvidersDoNotCount() {
        TraySummary s = TraySummary.of(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                ok(openrouter(), balance("openrouter", NOW.minus(Duration.ofHours(2)), "USD", "74.50")),
                failed(target("gemini", "deepseek", "Gemini", null), null,
                        new FetchError.Unsupported("no balance API"), minutesAgo(1))), NOW);
        assertEquals(TrayState.STALE, s.overall());
        assertEquals(TrayState.NO_DATA, s.accounts().get(2).state());
        assertEquals(TrayState.NO_DATA, TraySummary.of(List.of(pending(deepseek())), NOW).overall());
        assertEquals(TrayState.NO_DATA, TraySummary.of(List.of(), NOW).overall());
    }
}
