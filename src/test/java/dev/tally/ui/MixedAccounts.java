package dev.tally.ui;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.poll.AccountState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.tally.ui.BalanceCardViewModelTest.target;

/** Twelve accounts as a person with many keys has them: errors, used up, low, stale and fine, mixed. */
final class MixedAccounts {
    private MixedAccounts() {
    }

    private static BalanceSnapshot one(String provider, Instant at, String currency, String total) {
        return new BalanceSnapshot(ProviderId.of(provider), at, true,
                List.of(new CurrencyBalance(currency, new BigDecimal(total), null, null, false)), null, null);
    }

    private static Money cny(String v) {
        return new Money(new BigDecimal(v), "CNY");
    }

    private static Money usd(String v) {
        return new Money(new BigDecimal(v), "USD");
    }

    static List<AccountState> twelve(Instant now) {
        Instant fresh = now.minus(Duration.ofMinutes(3));
        Instant old = now.minus(Duration.ofHours(2));
        // the HTTP layer's own words, so that they are said in the language of the screen
        FetchError rejected = new FetchError.AuthFailed(dev.tally.provider.FetchPhrase.HTTP_AUTH.text("api.deepseek.com", "HTTP 401"));
        FetchError timeout = new FetchError.Timeout(dev.tally.provider.FetchPhrase.ANSWER_TIMEOUT.text("api.moonshot.ai", 20));
        BalanceSnapshot novita = new BalanceSnapshot(ProviderId.of("novita"), fresh, null, List.of(new CurrencyBalance(
                "USD", new BigDecimal("100.0000"), null, new BigDecimal("80.0000"), false, new BigDecimal("20.0000"))),
                null, null);
        return List.of(
                new AccountState(target("deepseek", "ds-work", "DeepSeek (work)", cny("5")), one("deepseek", fresh, "CNY", "110.00"), null, fresh, null, false, 0),
                new AccountState(target("deepseek", "ds-lab", "DeepSeek (research lab, shared key for the evaluation team)", cny("5")), null, rejected, fresh, null, false, 3),
                new AccountState(target("openrouter", "or", "OpenRouter", usd("5")), one("openrouter", fresh, "USD", "0.00"), null, fresh, null, false, 0),
                new AccountState(target("moonshot", "ms", "Moonshot", usd("5")), one("moonshot", old, "USD", "42.50"), timeout, fresh, null, false, 2),
                new AccountState(target("novita", "nv", "Novita AI", usd("10")), novita, null, fresh, null, false, 0),
                new AccountState(target("siliconflow", "sf", "SiliconFlow", cny("10")), one("siliconflow", fresh, "CNY", "3.10"), null, fresh, null, false, 0),
                new AccountState(target("xai", "xai", "xAI", usd("5")), one("xai", fresh, "USD", "25.00"), null, fresh, null, false, 0),
                new AccountState(target("deepseek", "ds-home", "DeepSeek (home)", cny("5")), one("deepseek", old, "CNY", "58.20"), null, old, null, false, 0),
                new AccountState(target("aihubmix", "ahm", "AIHubMix", usd("2")), one("aihubmix", fresh, "USD", "1.20"), null, fresh, null, false, 0),
                new AccountState(target("stepfun", "sfun", "StepFun", cny("5")), one("stepfun", fresh, "CNY", "0.00"), null, fresh, null, false, 0),
                new AccountState(target("zenmux", "zm", "ZenMux", usd("5")), one("zenmux", fresh, "USD", "12.75"), null, fresh, null, false, 0),
                new AccountState(target("featherless", "fl", "Featherless", usd("5")), one("featherless", fresh, "USD", "30.00"), null, fresh, null, false, 0));
    }
}
