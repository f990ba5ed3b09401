package dev.tally.status;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The vocabulary itself: whole sentences with placeholders, ages, amounts, and accounts ordered worst first. */
class VocabularyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyPhraseNumbersItsPlaceholdersFromZeroWithoutGaps() {
        List<String> bad = new ArrayList<>();
        for (Phrase p : Phrase.values()) {
            TreeSet<Integer> used = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(p.template());
            while (m.find()) {
                used.add(Integer.parseInt(m.group(1)));
            }
            if (!used.isEmpty() && (used.first() != 0 || used.last() != used.size() - 1)) {
                bad.add(p + ": " + used);
            }
            if (p.template().isBlank()) {
                bad.add(p + " is empty");
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void aPhraseIsFilledInOrderAndQuotesStayAsTheyAre() {
        assertEquals("x — run 'tally keys set a-b' or set K", Phrase.CLI_SET_KEY.say("x", "a-b", "K"));
        assertEquals("{1}: {0}", Phrase.LINE.say("{1}", "{0}"), "an argument is never read as a placeholder");
        assertThrows(IllegalArgumentException.class, () -> Phrase.CLI_SET_KEY.say("x"));
    }

    @Test
    void everyKindHasALabelATitleAndAReason() {
        for (Problem p : Problem.values()) {
            assertFalse(p.label().isBlank(), p.name());
            assertFalse(p.title().isBlank(), p.name());
            assertFalse(p.cardReason("X", false).isBlank(), p.name());
        }
        assertEquals("Key rejected — check the key or region", Problem.AUTH_FAILED.cardReason("Moonshot", true));
        assertEquals(List.of(Problem.RATE_LIMITED, Problem.TIMEOUT, Problem.NETWORK_ERROR),
                List.of(Problem.values()).stream().filter(Problem::passing).toList(), "the problems that pass by themselves");
    }

    @Test
    void agesReadTheSameEverywhere() {
        assertEquals("just now", Ages.ago(NOW.plusSeconds(30), NOW), "a clock a little ahead");
        assertEquals("59 min ago", Ages.ago(NOW.minus(Duration.ofMinutes(59)), NOW));
        assertEquals("23 h ago", Ages.ago(NOW.minus(Duration.ofHours(23)), NOW));
        assertEquals("1 day ago", Ages.ago(NOW.minus(Duration.ofHours(47)), NOW),
                "the command line and the tray say days from the first whole day");
        assertEquals("2 days ago", Ages.ago(NOW.minus(Duration.ofHours(48)), NOW));
        assertEquals("45 s", Ages.wait(Duration.ofMillis(44_001)), "a wait is rounded up");
        assertEquals("3 min", Ages.wait(Duration.ofSeconds(121)));
        assertEquals("25 min", Ages.since(NOW.minus(Duration.ofMinutes(25)), NOW));
        assertEquals("2 h", Ages.since(NOW.minus(Duration.ofMinutes(150)), NOW));
    }

    @Test
    void amountsAreExactAndHiddenOnTheDesktopPlainOnTheCommandLine() {
        assertEquals("¥1,234.50", MoneyText.shown(Money.of("1234.5", "CNY"), false));
        assertEquals("•••", MoneyText.shown(Money.of("1234.5", "CNY"), true));
        assertEquals("1234.5 CNY", MoneyText.commandLine(new BigDecimal("1234.5"), "CNY"));
    }

    @Test
    void accountsAreOrderedWorstFirstAndKeepTheirOrderWithinAState() {
        AccountState okA = ok("a", "10.00", null);
        AccountState low = ok("b", "1.00", Money.of("5", "CNY"));
        AccountState rejected = failed("c", new FetchError.AuthFailed("rejected"));
        AccountState pending = new AccountState(target("d", null), null, null, null, NOW.plusSeconds(5), false, 0);
        AccountState okE = ok("e", "20.00", null);
        AccountState stale = new AccountState(target("f", null), snapshot("3.00", NOW.minus(Duration.ofHours(1))),
                new FetchError.Timeout("slow"), NOW, NOW.plusSeconds(60), false, 1);
        Summary s = Summary.of(List.of(okA, low, rejected, pending, okE, stale), NOW);
        assertEquals(List.of("c", "b", "f", "d", "a", "e"), s.worstFirst().stream().map(AccountSummary::id).toList());
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), s.accounts().stream().map(AccountSummary::id).toList(),
                "the given order is kept for the menu");
        assertEquals(State.ERROR, s.overall());
        assertEquals(State.ERROR, State.worst(State.LOW, State.ERROR, State.OK));
        assertEquals(State.NO_DATA, State.worst(List.of()));
        assertEquals(true, State.LOW.worseThan(State.STALE));
        assertEquals(false, State.OK.worseThan(State.NO_DATA));
    }

    @Test
    void aSummaryKeepsTheErrorForEveryFrontEndToSayItsWay() {
        FetchError e = new FetchError.BadResponse("not JSON");
        AccountSummary a = AccountSummary.of(failed("x", e), NOW);
        assertEquals(e, a.error());
        assertEquals("unexpected response", a.problem());
        assertEquals(State.ERROR, a.state());
    }

    private static FetchTarget target(String id, Money threshold) {
        return FetchTarget.of(new Account(id, ProviderId.of("deepseek"), id, null, null, null, threshold, 5),
                ProviderCatalog.standard().find("deepseek").orElseThrow());
    }

    private static BalanceSnapshot snapshot(String total, Instant at) {
        return new BalanceSnapshot(ProviderId.of("deepseek"), at, true,
                List.of(CurrencyBalance.of("CNY", new BigDecimal(total))), null, null);
    }

    private static AccountState ok(String id, String total, Money threshold) {
        return new AccountState(target(id, threshold), snapshot(total, NOW), null, NOW, NOW.plusSeconds(300), false, 0);
    }

    private static AccountState failed(String id, FetchError e) {
        return new AccountState(target(id, null), null, e, NOW, NOW.plusSeconds(300), false, 1);
    }
}
