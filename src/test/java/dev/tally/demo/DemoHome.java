package dev.tally.demo;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.history.HistoryStore;
import dev.tally.testing.FakeProviderServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Starts a fake provider server answering like DeepSeek, OpenRouter, Moonshot, OpenAI and Novita, writes a Tally home
 * with five accounts pointing at it, and seeds a week of DeepSeek and Moonshot history so the sparklines
 * have something to draw. Usage: {@code DemoHome <home dir>}; keeps serving until killed.
 */
public final class DemoHome {
    private DemoHome() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Files.createDirectories(home);
        FakeProviderServer server = FakeProviderServer.start();
        server.fixture("/ds/user/balance", 200, "deepseek/balance-two-currencies.json");
        server.json("/ds/user/balance", 200, "{\"is_available\":true,\"balance_infos\":["
                + "{\"currency\":\"CNY\",\"total_balance\":\"86.40\",\"granted_balance\":\"6.40\",\"topped_up_balance\":\"80.00\"},"
                + "{\"currency\":\"USD\",\"total_balance\":\"5.30\",\"granted_balance\":\"0.00\",\"topped_up_balance\":\"5.30\"}]}");
        server.fixture("/or/api/v1/key", 200, "openrouter/key.json");
        server.fixture("/or/api/v1/credits", 200, "openrouter/credits.json");
        server.json("/ms/v1/users/me/balance", 401, "{\"error\":{\"message\":\"Invalid Authentication\",\"type\":\"invalid_authentication_error\"}}");
        server.fixture("/oa/v1/organization/costs", 200, "openai/costs.json");
        server.fixture("/nv/openapi/v1/billing/balance/detail", 200, "novita/balance.json");
        URI base = server.baseUrl();
        new AccountStore(home, Clock.systemUTC()).save(List.of(
                new Account("deepseek-work", ProviderId.of("deepseek"), "DeepSeek (work)", null, URI.create(base + "/ds"), null,
                        new Money(new BigDecimal("20.00"), "CNY"), 5),
                new Account("openrouter", ProviderId.of("openrouter"), "OpenRouter", null, URI.create(base + "/or"), null,
                        new Money(new BigDecimal("5.00"), "USD"), 5),
                new Account("moonshot-cn", ProviderId.of("moonshot"), "Moonshot (cn)", "china", URI.create(base + "/ms"), null,
                        null, 5),
                new Account("openai", ProviderId.of("openai"), "OpenAI", null, URI.create(base + "/oa"), null, null, 15),
                new Account("novita", ProviderId.of("novita"), "Novita AI", null, URI.create(base + "/nv"), null, null, 5)));
        try (HistoryStore h = HistoryStore.open(home.resolve("history.db"))) {
            Random r = new Random(3);
            Instant now = Instant.now();
            BigDecimal cny = new BigDecimal("131.00");
            for (Instant t = now.minus(Duration.ofDays(7)); t.isBefore(now.minus(Duration.ofMinutes(10))); t = t.plus(Duration.ofMinutes(30))) {
                int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
                double busy = hour >= 1 && hour <= 11 ? 1.0 : 0.15;
                cny = cny.subtract(BigDecimal.valueOf(r.nextDouble() * 0.55 * busy).setScale(2, RoundingMode.HALF_EVEN));
                h.writer().recordSnapshot("deepseek-work", new BalanceSnapshot(ProviderId.of("deepseek"), t, true,
                        List.of(new CurrencyBalance("CNY", cny, new BigDecimal("6.40"), cny.subtract(new BigDecimal("6.40")), false),
                                new CurrencyBalance("USD", new BigDecimal("5.30"), BigDecimal.ZERO, new BigDecimal("5.30"), false)),
                        null, null), "demo");
            }
        }
        System.out.println("demo home ready at " + home + " (fake providers at " + base + ")");
        System.out.flush();
        Thread.currentThread().join();
    }
}
