package dev.tally.history;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test snapshots as the providers would produce them. */
final class Snap {
    static final ProviderId DEEPSEEK = ProviderId.of("deepseek");
    static final ProviderId OPENROUTER = ProviderId.of("openrouter");

    private Snap() {
    }

    /** A DeepSeek-style snapshot; {@code currencyAndTotal} alternates code and amount. */
    static BalanceSnapshot deepseek(Instant at, String... currencyAndTotal) {
        List<CurrencyBalance> balances = new ArrayList<>();
        for (int i = 0; i < currencyAndTotal.length; i += 2) {
            balances.add(CurrencyBalance.of(currencyAndTotal[i], new BigDecimal(currencyAndTotal[i + 1])));
        }
        return new BalanceSnapshot(DEEPSEEK, at, true, balances, null, null);
    }

    /** An OpenRouter {@code /key} snapshot: no balance, only the key's cap and cumulative usage (USD). */
    static BalanceSnapshot openRouterKey(Instant at, String usage) {
        return new BalanceSnapshot(OPENROUTER, at, null, List.of(),
                null, new KeyLimit("USD", null, null, new BigDecimal(usage), null));
    }
}
