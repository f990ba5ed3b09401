package dev.tally.tray;

import dev.tally.status.Summary;
import dev.tally.status.Ages;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.ProviderId;
import dev.tally.poll.AccountState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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
import static dev.tally.tray.TrayFixtures.spend;
import static dev.tally.tray.TrayFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrayTextTest {

    private static final AccountState DEEPSEEK = ok(target("deepseek", "deepseek", "DeepSeek", null),
            balance("deepseek", minutesAgo(1), "CNY", "110.00"));
    private static final AccountState OPENROUTER = ok(openrouter(), balance("openrouter", minutesAgo(2), "USD", "74.5"));
    private static final AccountState MOONSHOT_REJECTED = failed(moonshot(), null,
            new FetchError.AuthFailed("Moonshot rejected the API key (HTTP 401)"), minutesAgo(3));

    private static Summary summary(AccountState... states) {
        return Summary.of(List.of(states), NOW);
    }

    private static String line(AccountState s, boolean hide) {
        return TrayText.menuLine(summary(s).accounts().getFirst(), NOW, hide);
    }

    @Test
    void agesReadLikeAPersonWouldSayThem() {
        assertEquals("just now", Ages.ago(NOW.minusSeconds(59), NOW));
        assertEquals("just now", Ages.ago(NOW.plusSeconds(30), NOW), "a clock a little ahead is not an error");
        assertEquals("1 min ago", Ages.ago(NOW.minusSeconds(60), NOW));
        assertEquals("3 min ago", Ages.ago(minutesAgo(3), NOW));
        assertEquals("59 min ago", Ages.ago(minutesAgo(59), NOW));
        assertEquals("2 h ago", Ages.ago(minutesAgo(150), NOW));
        assertEquals("1 day ago", Ages.ago(NOW.minus(Duration.ofHours(30)), NOW));
        assertEquals("3 days ago", Ages.ago(NOW.minus(Duration.ofDays(3)), NOW));
    }

    @Test
    void tooltipListsEveryAccountWithAmountAndWhatIsWrong() {
        assertEquals("Tally — DeepSeek ¥110.00 · OpenRouter $74.50 · Moonshot: key rejected (3 min ago)",
                TrayText.tooltip(summary(DEEPSEEK, OPENROUTER, MOONSHOT_REJECTED), NOW, false));
    }

    @Test
    void tooltipMarksLowAndStaleAccounts() {
        AccountState low = ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "4.20"));
        AccountState stale = failed(openrouter(), balance("openrouter", minutesAgo(25), "USD", "74.50"),
                new FetchError.Timeout("OpenRouter did not answer within 10 s"), minutesAgo(1));
        assertEquals("Tally — DeepSeek (work) ¥4.20 (low, 3 min ago) · OpenRouter $74.50 (timed out, 25 min ago)",
                TrayText.tooltip(summary(low, stale), NOW, false));
    }

    @Test
    void tooltipWithoutAccountsSaysSo() {
        assertEquals("Tally — no accounts yet", TrayText.tooltip(summary(), NOW, false));
        assertEquals("Tally — DeepSeek: not checked yet", TrayText.tooltip(summary(pending(deepseek())), NOW, false));
    }

    @Test
    void longTooltipsFitTheWindowsLimitAndKeepTheAccountsThatNeedAttention() {
        List<AccountState> many = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            many.add(ok(target("deepseek-" + i, "deepseek", "DeepSeek account " + i, null),
                    balance("deepseek", minutesAgo(1), "CNY", "1234.56")));
        }
        many.add(MOONSHOT_REJECTED);
        String tip = TrayText.tooltip(Summary.of(many, NOW), NOW, false);
        assertTrue(tip.length() <= TrayText.TOOLTIP_MAX, tip.length() + ": " + tip);
        assertTrue(tip.contains("Moonshot: key rejected (3 min ago)"), tip);
        assertTrue(tip.startsWith("Tally — DeepSeek account 1 ¥1,234.56 · "), tip + " (amounts grouped like the cards)");
        assertTrue(tip.matches(".* · \\+\\d more$"), tip);
    }

    @Test
    void hideAmountsReplacesEveryAmountButKeepsStates() {
        AccountState low = ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "4.20"));
        String tip = TrayText.tooltip(summary(DEEPSEEK, low, MOONSHOT_REJECTED), NOW, true);
        assertEquals("Tally — DeepSeek ••• · DeepSeek (work) ••• (low, 3 min ago) · Moonshot: key rejected (3 min ago)",
                tip);
        assertEquals("DeepSeek (work) — ••• (low) · 3 min ago", line(low, true));
        for (TrayMenu.Entry e : TrayMenu.of(summary(DEEPSEEK, low, OPENROUTER), NOW, true)) {
            if (e instanceof TrayMenu.Info(String text)) {
                assertFalse(text.matches(".*\\d+\\.\\d\\d.*"), "an amount leaked: " + text);
            }
            if (e instanceof TrayMenu.Row row) {
                assertFalse(row.text().matches(".*\\d+\\.\\d\\d.*"), "an amount leaked: " + row.text());
            }
        }
    }

    @Test
    void menuLinesShowAmountAndAge() {
        assertEquals("DeepSeek (work) — ¥110.00 · 3 min ago",
                line(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")), false));
        assertEquals("Moonshot — key rejected · 3 min ago", line(MOONSHOT_REJECTED, false));
        assertEquals("DeepSeek (work) — ¥4.20 (below ¥5.00) · 3 min ago",
                line(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "4.2")), false));
        assertEquals("OpenRouter — $74.50 · 25 min ago · timed out",
                line(failed(openrouter(), balance("openrouter", minutesAgo(25), "USD", "74.50"),
                        new FetchError.Timeout("timed out"), minutesAgo(1)), false));
        assertEquals("Moonshot — ¥0.00 · 2 min ago · exhausted",
                line(ok(moonshot(), balance("moonshot", minutesAgo(2), "CNY", "0.00")), false));
        assertEquals("DeepSeek — not checked yet", line(pending(deepseek()), false));
    }

    @Test
    void menuLinesForKeyLimitsSpendAndSeveralCurrencies() {
        assertEquals("OpenRouter — $7.50 left on key · 1 min ago",
                line(ok(openrouter(), keyLimit(minutesAgo(1), "10", "7.5")), false));
        assertEquals("OpenRouter — key has no limit · 1 min ago",
                line(ok(openrouter(), keyLimit(minutesAgo(1), null, null)), false));
        assertEquals("OpenAI — $12.30 spent this month · 1 min ago",
                line(ok(target("openai", "openai", "OpenAI", null), spend(minutesAgo(1), "12.3")), false));
        BalanceSnapshot two = new BalanceSnapshot(ProviderId.of("deepseek"), minutesAgo(1), true, List.of(
                CurrencyBalance.of("USD", new BigDecimal("2")), CurrencyBalance.of("CNY", new BigDecimal("110"))),
                null, null);
        assertEquals("DeepSeek — ¥110.00, $2.00 · 1 min ago", line(ok(deepseek(), two), false),
                "currencies are listed apart, never summed");
    }

    @Test
    void theShortTooltipCountsWhatNeedsAttentionAndNamesTheLowestBalance() {
        AccountState low = ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "3.10"));
        assertEquals("Tally — 2 need attention · lowest ¥3.10",
                TrayText.shortTooltip(summary(DEEPSEEK, low, MOONSHOT_REJECTED), false));
        assertEquals("Tally — 2 need attention · lowest •••",
                TrayText.shortTooltip(summary(DEEPSEEK, low, MOONSHOT_REJECTED), true));
        assertEquals("Tally — 1 account ok", TrayText.shortTooltip(summary(DEEPSEEK), false));
        assertEquals("Tally — 2 accounts ok", TrayText.shortTooltip(summary(DEEPSEEK, OPENROUTER), false));
        assertEquals("Tally — no accounts yet", TrayText.shortTooltip(summary(), false));
    }
}
