package dev.tally.tray;

import dev.tally.status.AccountSummary;
import dev.tally.status.Summary;
import dev.tally.status.State;
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

    private static AccountSummary only(AccountState s) {
        return Summary.of(List.of(s), NOW).accounts().getFirst();
    }

    @Test
    void worstOrderIsErrorLowStaleNoDataOk() {
        assertEquals(State.ERROR, State.worst(State.OK, State.LOW, State.ERROR, State.STALE));
        assertEquals(State.ERROR, State.worst(State.EMPTY, State.ERROR));
        assertEquals(State.EMPTY, State.worst(State.LOW, State.EMPTY, State.STALE));
        assertEquals(State.LOW, State.worst(State.STALE, State.LOW, State.NO_DATA));
        assertEquals(State.STALE, State.worst(State.OK, State.STALE, State.NO_DATA));
        assertEquals(State.NO_DATA, State.worst(State.OK, State.NO_DATA));
        assertEquals(State.OK, State.worst(State.OK, State.OK));
        assertEquals(State.NO_DATA, State.worst(List.of()), "no accounts: nothing to show yet");
    }

    @Test
    void freshBalancesAboveTheirThresholdAreOk() {
        Summary s = Summary.of(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                ok(openrouter(), balance("openrouter", minutesAgo(1), "USD", "74.50"))), NOW);
        assertEquals(State.OK, s.overall());
        assertEquals(List.of(State.OK, State.OK), s.accounts().stream().map(AccountSummary::state).toList());
    }

    @Test
    void belowTheThresholdInItsCurrencyIsLow() {
        AccountSummary l = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "4.20")));
        assertEquals(State.LOW, l.state());
        assertTrue(l.low());
        AccountSummary exactly = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "5.00")));
        assertEquals(State.OK, exactly.state(), "at the threshold is not below it");
    }

    @Test
    void aThresholdInAnotherCurrencyIsNotComparedAcrossCurrencies() {
        AccountSummary l = only(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "USD", "1.00")));
        assertEquals(State.OK, l.state());
        assertFalse(l.low());
    }

    @Test
    void aKeyLimitBelowTheThresholdIsLow() {
        var t = target("or-key", "openrouter", "OpenRouter key", Money.of("10", "USD"));
        assertEquals(State.LOW, only(ok(t, keyLimit(minutesAgo(1), "100", "7.50"))).state());
    }

    @Test
    void usedUpBalancesAreEmptyAndUnavailableAccountsAreErrors() {
        // issue 14: a used-up balance has its own red Empty state (it was ERROR); "not available" stays an error
        AccountSummary zero = only(ok(moonshot(), balance("moonshot", minutesAgo(2), "CNY", "0")));
        assertEquals(State.EMPTY, zero.state());
        assertTrue(zero.empty());
        assertEquals("exhausted", zero.problem());
        assertEquals(State.EMPTY, only(ok(moonshot(), balance("moonshot", minutesAgo(2), "CNY", "-3.10"))).state());
        AccountSummary off = only(ok(deepseek(), unavailable("deepseek", minutesAgo(2), "CNY", "12.00")));
        assertEquals(State.ERROR, off.state());
        assertEquals("not available", off.problem());
        assertFalse(off.empty(), "money is left, the provider refuses it");
        assertEquals(State.EMPTY, only(ok(openrouter(), keyLimit(minutesAgo(1), "20", "0"))).state());
    }

    @Test
    void rejectedKeysAndBrokenAnswersAreErrors() {
        var e = failed(moonshot(), null, new FetchError.AuthFailed("Moonshot rejected the API key (HTTP 401)"), minutesAgo(3));
        AccountSummary l = only(e);
        assertEquals(State.ERROR, l.state());
        assertEquals("key rejected", l.problem());
        assertEquals(minutesAgo(3), l.problemAt());
        assertEquals(State.ERROR, only(failed(deepseek(), balance("deepseek", minutesAgo(30), "CNY", "110"),
                new FetchError.BadResponse("no balance_infos"), minutesAgo(1))).state(),
                "an error outranks the old value it keeps");
        assertEquals(State.ERROR, only(failed(deepseek(), null, new FetchError.NoKey("no key"), NOW)).state());
    }

    @Test
    void passingFailuresKeepTheOldValueMarkedStale() {
        var last = balance("deepseek", minutesAgo(6), "CNY", "110.00");
        AccountSummary l = only(failed(deepseek(), last, new FetchError.Timeout("timed out"), minutesAgo(1)));
        assertEquals(State.STALE, l.state());
        assertEquals("timed out", l.problem());
        assertEquals(last, l.value(), "a failed poll never erases the last good value");
        assertEquals(State.NO_DATA, only(failed(deepseek(), null,
                new FetchError.NetworkError("no route"), minutesAgo(1))).state(), "nothing to call stale yet");
    }

    @Test
    void oldValuesAreStaleAfterTwiceTheInterval() {
        assertEquals(State.OK, only(ok(deepseek(), balance("deepseek", minutesAgo(10), "CNY", "110"))).state());
        assertEquals(State.STALE, only(ok(deepseek(), balance("deepseek", minutesAgo(11), "CNY", "110"))).state());
    }

    @Test
    void overallIsTheWorstAccountAndUnsupportedProvidersDoNotCount() {
        Summary s = Summary.of(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                ok(openrouter(), balance("openrouter", NOW.minus(Duration.ofHours(2)), "USD", "74.50")),
                failed(target("gemini", "deepseek", "Gemini", null), null,
                        new FetchError.Unsupported("no balance API"), minutesAgo(1))), NOW);
        assertEquals(State.STALE, s.overall());
        assertEquals(State.NO_DATA, s.accounts().get(2).state());
        assertEquals(State.NO_DATA, Summary.of(List.of(pending(deepseek())), NOW).overall());
        assertEquals(State.NO_DATA, Summary.of(List.of(), NOW).overall());
    }
}
