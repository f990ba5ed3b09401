package dev.tally.alert;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.history.HistoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");
    private static final String LABEL = "DeepSeek (work)";
    private static final Money FIVE_CNY = Money.of("5.00", "CNY");

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

    private BalanceSnapshot cny(String total) {
        return new BalanceSnapshot(ProviderId.of("deepseek"), T0.plus(Duration.ofMinutes(5L * tick++)), true,
                List.of(CurrencyBalance.of("CNY", new BigDecimal(total))), null, null);
    }

    private List<Alert> poll(String total) {
        return rules.onSuccess("ds", LABEL, FIVE_CNY, cny(total));
    }

    @Test
    void crossingBelowTheThresholdAlertsOnceWithTheBalanceAndThreshold() {
        assertTrue(poll("12.00").isEmpty());
        assertTrue(poll("6.10").isEmpty());
        List<Alert> alerts = poll("4.2");
        assertEquals(List.of(new Alert.LowBalance("ds", LABEL, Money.of("4.2", "CNY"), FIVE_CNY)), alerts);
        assertEquals("DeepSeek (work): ¥4.20 left — below your ¥5.00 alert", alerts.getFirst().text());
        assertTrue(poll("3.90").isEmpty(), "still low: no repeat");
        assertTrue(poll("1.00").isEmpty());
    }

    @Test
    void exactlyAtTheThresholdIsNotBelowIt() {
        assertTrue(poll("5.00").isEmpty());
    }

    @Test
    void oscillatingAroundTheThresholdAlertsOnlyOnce() {
        int alerts = 0;
        for (String b : new String[]{"5.20", "4.95", "5.05", "4.99", "5.40", "4.80", "5.49", "4.70", "5.50", "4.60"}) {
            alerts += poll(b).size();
        }
        assertEquals(1, alerts, "wobbling inside threshold + 10 % never re-arms");
    }

    @Test
    void aTopUpAboveTheBandReArmsTheAlert() {
        assertEquals(1, poll("4.00").size());
        assertTrue(poll("5.40").isEmpty());
        assertTrue(poll("4.10").isEmpty(), "5.40 is not above 5.50: still armed off");
        assertTrue(poll("50.00").isEmpty(), "the top-up itself is not an alert");
        List<Alert> again = poll("4.50");
        assertEquals(1, again.size(), "after a real top-up the next crossing alerts again");
        assertInstanceOf(Alert.LowBalance.class, again.getFirst());
    }

    @Test
    void failuresNeverAlertLowAndNeverReArm() {
        for (FetchError e : List.of(new FetchError.Timeout("timed out"), new FetchError.BadResponse("balance missing"),
                new FetchError.NetworkError("refused"), new FetchError.RateLimited("slow down", Duration.ofSeconds(30)),
                new FetchError.ProviderError("503", 503), new FetchError.NoKey("no key"))) {
            assertTrue(rules.onFailure("ds", LABEL, e).isEmpty(), e.toString());
        }
        assertEquals(1, poll("4.00").size());
        rules.onFailure("ds", LABEL, new FetchError.BadResponse("total_balance missing"));
        assertTrue(poll("3.00").isEmpty(), "a failed poll in between does not re-arm");
    }

    @Test
    void aRelaunchDoesNotAnnounceAgain() {
        assertEquals(1, poll("4.00").size());
        rules.onFailure("ds", LABEL, new FetchError.AuthFailed("DeepSeek refused the key"));
        store.close();
        store = HistoryStore.open(dir.resolve("history.db"));
        rules = new AlertRules(store.alertMarks());
        assertTrue(rules.onFailure("ds", LABEL, new FetchError.AuthFailed("DeepSeek refused the key")).isEmpty());
        assertTrue(poll("3.50").isEmpty(), "low was announced before the relaunch");
        assertTrue(poll("30.00").isEmpty());
        assertEquals(1, poll("2.00").size());
    }

    @Test
    void keyRejectedOncePerOutage() {
        FetchError.AuthFailed auth = new FetchError.AuthFailed("DeepSeek refused the key (HTTP 401)");
        List<Alert> first = rules.onFailure("ds", LABEL, auth);
        assertEquals(List.of(new Alert.KeyRejected("ds", LABEL, auth.message())), first);
        assertEquals("DeepSeek (work): key rejected — DeepSeek refused the key (HTTP 401)", first.getFirst().text());
        assertTrue(rules.onFailure("ds", LABEL, auth).isEmpty());
        assertTrue(rules.onFailure("ds", LABEL, new FetchError.Timeout("t")).isEmpty());
        assertTrue(rules.onFailure("ds", LABEL, auth).isEmpty());
        poll("20.00");
        assertEquals(1, rules.onFailure("ds", LABEL, auth).size(), "a new outage after a success");
    }

    @Test
    void exhaustedOnceUntilItRecoversAndWithoutADuplicateLowAlert() {
        List<Alert> alerts = poll("0.00");
        assertEquals(List.of(new Alert.Exhausted("ds", LABEL, "CNY")), alerts, "exhausted says it all");
        assertTrue(poll("-0.50").isEmpty());
        assertTrue(poll("3.00").isEmpty(), "recovered but still low: low was already recorded");
        assertTrue(poll("100.00").isEmpty());
        assertEquals(1, poll("0").size());

        BalanceSnapshot unavailable = new BalanceSnapshot(ProviderId.of("deepseek"), T0.plus(Duration.ofDays(1)), false,
                List.of(CurrencyBalance.of("CNY", new BigDecimal("80.00"))), null, null);
        rules.onSuccess("ds", LABEL, FIVE_CNY, cny("90.00"));
        assertEquals(List.of(new Alert.Exhausted("ds", LABEL, null)), rules.onSuccess("ds", LABEL, FIVE_CNY, unavailable));
        assertTrue(rules.onSuccess("ds", LABEL, FIVE_CNY, unavailable).isEmpty());
    }

    @Test
    void aKeyWhoseCapIsUsedUpIsExhausted() {
        BalanceSnapshot capped = new BalanceSnapshot(ProviderId.of("openrouter"), T0, null, List.of(), null,
                new KeyLimit("USD", new BigDecimal("10"), new BigDecimal("0"), new BigDecimal("10"), null));
        assertEquals(List.of(new Alert.Exhausted("or", "OpenRouter", "USD")), rules.onSuccess("or", "OpenRouter", null, capped));
        BalanceSnapshot unlimited = new BalanceSnapshot(ProviderId.of("openrouter"), T0, null, List.of(), null,
                new KeyLimit("USD", null, null, new BigDecimal("10"), null));
        assertTrue(rules.onSuccess("or2", "OpenRouter", null, unlimited).isEmpty(), "no cap is not an empty cap");
    }

    private BalanceSnapshot openRouterKey(String limit, String remaining, String usage) {
        return new BalanceSnapshot(ProviderId.of("openrouter"), T0.plus(Duration.ofMinutes(5L * tick++)), null, List.of(), null,
                new KeyLimit("USD", limit == null ? null : new BigDecimal(limit), remaining == null ? null : new BigDecimal(remaining),
                        usage == null ? null : new BigDecimal(usage), null));
    }

    @Test
    void anOrdinaryOpenRouterKeyAlertsWhenWhatIsLeftUnderItsCapDropsBelowTheThreshold() {
        Money fiveUsd = Money.of("5.00", "USD");
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey("20", "12.50", "7.50")).isEmpty());
        List<Alert> low = rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey("20", "4.25", "15.75"));
        assertEquals(List.of(new Alert.LowBalance("or", "OpenRouter", Money.of("4.25", "USD"), fiveUsd)), low);
        assertEquals("OpenRouter: $4.25 left — below your $5.00 alert", low.getFirst().text());
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey("20", "3.00", "17.00")).isEmpty(), "once per crossing");
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey("20", "19.00", "1.00")).isEmpty(), "cap reset: re-armed");
        assertEquals(1, rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey("20", null, "16.00")).size(),
                "without a reported remaining, cap − usage (4.00) is what is left");
    }

    @Test
    void anUnlimitedKeyNeverAlertsLow() {
        Money fiveUsd = Money.of("5.00", "USD");
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey(null, null, "250.00")).isEmpty());
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, openRouterKey(null, null, "900.00")).isEmpty());
        assertTrue(rules.onSuccess("or", "OpenRouter", Money.of("5", "CNY"), openRouterKey("20", "1.00", "19.00")).isEmpty(),
                "a CNY threshold says nothing about a USD key cap");
    }

    @Test
    void aKeyWithACapAndAnAccountBalanceIsJudgedByTheBalance() {
        Money fiveUsd = Money.of("5.00", "USD");
        BalanceSnapshot both = new BalanceSnapshot(ProviderId.of("openrouter"), T0, null,
                List.of(CurrencyBalance.of("USD", new BigDecimal("80.00"))), null,
                new KeyLimit("USD", new BigDecimal("20"), new BigDecimal("1.00"), new BigDecimal("19.00"), null));
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, both).isEmpty(), "the account's $80 is not low");
    }

    @Test
    void aKeyWithoutThePermissionAlertsOncePerOutageSayingSo() {
        FetchError.Forbidden forbidden = new FetchError.Forbidden("OpenRouter's credit balance needs a management key (HTTP 403)");
        List<Alert> first = rules.onFailure("or", "OpenRouter", forbidden);
        assertEquals(List.of(new Alert.KeyRejected("or", "OpenRouter", forbidden.message(), true)), first);
        assertEquals("OpenRouter: key lacks permission — OpenRouter's credit balance needs a management key (HTTP 403)",
                first.getFirst().text());
        assertTrue(rules.onFailure("or", "OpenRouter", forbidden).isEmpty(), "once per outage");
        assertTrue(rules.onFailure("or", "OpenRouter", new FetchError.AuthFailed("refused")).isEmpty(),
                "a 401 in the same outage is not a second alert");
        rules.onSuccess("or", "OpenRouter", null, openRouterKey(null, null, "1.00"));
        assertEquals(1, rules.onFailure("or", "OpenRouter", forbidden).size(), "a new outage after a success");
        store.close();
        store = HistoryStore.open(dir.resolve("history.db"));
        rules = new AlertRules(store.alertMarks());
        assertTrue(rules.onFailure("or", "OpenRouter", forbidden).isEmpty(), "a relaunch does not announce it again");
    }

    @Test
    void aPartialAnswerWithARejectedKeyAlertsOnceAndDoesNotJudgeTheBalanceByTheKeysCap() {
        Money fiveUsd = Money.of("5.00", "USD");
        FetchError.AuthFailed rejected = new FetchError.AuthFailed("the account's credit balance is not shown: the management"
                + " key (OPENROUTER_MANAGEMENT_KEY) was rejected by openrouter.ai (HTTP 401)");
        BalanceSnapshot onlyKey = new BalanceSnapshot(ProviderId.of("openrouter"), T0, null, List.of(), null,
                new KeyLimit("USD", new BigDecimal("10"), new BigDecimal("0.50"), new BigDecimal("9.50"), null), rejected);
        List<Alert> first = rules.onSuccess("or", "OpenRouter", fiveUsd, onlyKey);
        assertEquals(List.of(new Alert.KeyRejected("or", "OpenRouter", rejected.message())), first,
                "the rejected management key is said; the key's $0.50 cap is not 'the balance' and not 'exhausted'");
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, onlyKey).isEmpty(), "once per outage");
        BalanceSnapshot whole = new BalanceSnapshot(ProviderId.of("openrouter"), T0.plusSeconds(600), null,
                List.of(CurrencyBalance.of("USD", new BigDecimal("80.00"))), null, onlyKey.keyLimit());
        assertTrue(rules.onSuccess("or", "OpenRouter", fiveUsd, whole).isEmpty());
        assertEquals(1, rules.onSuccess("or", "OpenRouter", fiveUsd, onlyKey).size(), "a new outage after a full answer");
    }

    @Test
    void thresholdsOnlyCompareWithTheirOwnCurrency() {
        BalanceSnapshot both = new BalanceSnapshot(ProviderId.of("deepseek"), T0, true,
                List.of(CurrencyBalance.of("CNY", new BigDecimal("100")), CurrencyBalance.of("USD", new BigDecimal("1.00"))),
                null, null);
        assertTrue(rules.onSuccess("ds", LABEL, FIVE_CNY, both).isEmpty(), "USD 1.00 is not below ¥5");
        List<Alert> usd = rules.onSuccess("ds2", "DeepSeek (home)", Money.of("5", "USD"), both);
        assertEquals(List.of(new Alert.LowBalance("ds2", "DeepSeek (home)", Money.of("1.00", "USD"), Money.of("5", "USD"))), usd);
        assertEquals("DeepSeek (home): $1.00 left — below your $5.00 alert", usd.getFirst().text());
        BalanceSnapshot onlyUsd = new BalanceSnapshot(ProviderId.of("deepseek"), T0, true,
                List.of(CurrencyBalance.of("USD", new BigDecimal("0.50"))), null, null);
        assertTrue(rules.onSuccess("ds3", LABEL, FIVE_CNY, onlyUsd).stream().noneMatch(a -> a instanceof Alert.LowBalance),
                "no CNY balance: the CNY threshold decides nothing");
    }

    @Test
    void noThresholdNoLowAlert() {
        assertTrue(rules.onSuccess("ds", LABEL, null, cny("0.01")).isEmpty());
    }

    @Test
    void printingNotifierPrintsOneLinePerAlertFromManyThreads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintingNotifier notifier = new PrintingNotifier(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Alert a = new Alert.LowBalance("ds", LABEL, Money.of("4.2", "CNY"), FIVE_CNY);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    notifier.notify(a);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(200, lines.length);
        for (String line : lines) {
            assertEquals("DeepSeek (work): ¥4.20 left — below your ¥5.00 alert", line.strip());
        }
    }
}
