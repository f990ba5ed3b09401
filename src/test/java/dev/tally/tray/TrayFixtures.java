package dev.tally.tray;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Poller states for tray tests, at a fixed clock. Accounts poll every 5 minutes. */
final class TrayFixtures {
    static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    private static final ProviderCatalog CATALOG = ProviderCatalog.standard();

    private TrayFixtures() {
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Instant minutesAgo(long m) {
        return ago(Duration.ofMinutes(m));
    }

    static FetchTarget target(String id, String provider, String label, Money threshold) {
        Account a = new Account(id, ProviderId.of(provider), label, null, null, null, threshold, 5);
        return FetchTarget.of(a, CATALOG.find(provider).orElseThrow());
    }

    static BalanceSnapshot balance(String provider, Instant at, String currency, String total) {
        return new BalanceSnapshot(ProviderId.of(provider), at, true,
                List.of(CurrencyBalance.of(currency, new BigDecimal(total))), null, null);
    }

    static BalanceSnapshot unavailable(String provider, Instant at, String currency, String total) {
        return new BalanceSnapshot(ProviderId.of(provider), at, false,
                List.of(CurrencyBalance.of(currency, new BigDecimal(total))), null, null);
    }

    static BalanceSnapshot keyLimit(Instant at, String limit, String remaining) {
        return new BalanceSnapshot(ProviderId.of("openrouter"), at, null, List.of(), null,
                new KeyLimit("USD", limit == null ? null : new BigDecimal(limit),
                        remaining == null ? null : new BigDecimal(remaining), new BigDecimal("1.00"), null));
    }

    static BalanceSnapshot spend(Instant at, String amount) {
        return new BalanceSnapshot(ProviderId.of("openai"), at, null, List.of(),
                new SpendReport(Money.of(amount, "USD"), SpendReport.MONTH_TO_DATE, at.minus(Duration.ofDays(21)), at),
                null);
    }

    /** Polled successfully at {@code at}. */
    static AccountState ok(FetchTarget t, BalanceSnapshot s) {
        return new AccountState(t, s, null, s.fetchedAt(), s.fetchedAt().plus(Duration.ofMinutes(5)), false, 0);
    }

    /** The last poll, at {@code at}, failed with {@code e}; {@code lastGood} may be null. */
    static AccountState failed(FetchTarget t, BalanceSnapshot lastGood, FetchError e, Instant at) {
        return new AccountState(t, lastGood, e, at, at.plus(Duration.ofMinutes(5)), false, 1);
    }

    static AccountState pending(FetchTarget t) {
        return new AccountState(t, null, null, null, NOW.plusSeconds(10), false, 0);
    }

    static FetchTarget deepseekWork() {
        return target("deepseek-work", "deepseek", "DeepSeek (work)", Money.of("5.00", "CNY"));
    }

    static FetchTarget deepseek() {
        return target("deepseek", "deepseek", "DeepSeek", null);
    }

    static FetchTarget openrouter() {
        return target("openrouter", "openrouter", "OpenRouter", null);
    }

    static FetchTarget moonshot() {
        return target("moonshot", "moonshot", "Moonshot", null);
    }
}
