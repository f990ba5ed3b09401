package dev.tally.engine;

import dev.tally.account.Account;
import dev.tally.alert.Alert;
import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ManualScheduler;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spend check on a real engine: an OpenRouter account with both keys against a loopback fake whose balance falls
 * faster than the key's reported usage, polled hourly for a day, with the history in a real SQLite file.
 */
class SpendCheckEngineTest {
    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ManualClock clock = new ManualClock(ProviderHarness.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final MemorySecretStore keychain = new MemorySecretStore();
    private final List<Alert> alerts = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private AppContext ctx;
    private Engine engine;

    @BeforeEach
    void start() {
        ctx = new AppContext(new AppDirs(home, home), Map.of(), clock, keychain);
        engine = new Engine(ctx.engineServices(), alerts::add, scheduler, Runnable::run);
        ProviderInfo info = ctx.catalog().find("openrouter").orElseThrow();
        keychain.write(KeyResolver.entryName("or", info, info.slot(KeySlot.API).orElseThrow()),
                Secret.of("sk-or-v1-api-0123456789abcdef"));
        keychain.write(KeyResolver.entryName("or", info, info.slot(KeySlot.MANAGEMENT).orElseThrow()),
                Secret.of("sk-or-v1-mgmt-0123456789abcdef"));
        ctx.accounts().save(List.of(new Account("or", ProviderId.of("openrouter"), "OpenRouter (team)", null,
                URI.create(server.baseUrl().toString()), null, null, 60)));
    }

    @AfterEach
    void stop() {
        engine.close();
        ctx.close();
        server.close();
    }

    /** Each hour the balance falls by {@code balanceDrop} while the key's usage grows by {@code usageStep}. */
    private void openRouter(String balanceDrop, String usageStep) {
        server.handle("/api/v1/credits", ex -> {
            int n = polls.get();
            String used = new BigDecimal(balanceDrop).multiply(BigDecimal.valueOf(n)).toPlainString();
            send(ex, "{\"data\":{\"total_credits\":100,\"total_usage\":" + used + "}}");
        });
        server.handle("/api/v1/key", ex -> {
            int n = polls.getAndIncrement();
            String usage = new BigDecimal(usageStep).multiply(BigDecimal.valueOf(n)).toPlainString();
            send(ex, "{\"data\":{\"label\":\"sk-or-v1-api\",\"limit\":null,\"limit_remaining\":null,\"limit_reset\":null,"
                    + "\"usage\":" + usage + ",\"is_free_tier\":false,\"expires_at\":null}}");
        });
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private List<Alert> spendAlerts() {
        return alerts.stream().filter(a -> a instanceof Alert.SpendDisagrees).toList();
    }

    private void pollFor(Duration d) {
        engine.reload();
        engine.startHousekeeping(Runnable::run, Engine.CHECK_EVERY, (accounts, warning) -> { });
        scheduler.advance(d);
    }

    @Test
    void aBalanceFallingFasterThanTheReportedUsageAlertsOnceWhenTurnedOn() {
        openRouter("0.50", "0.10");
        engine.checkSpend(true);
        pollFor(Duration.ofHours(27));
        assertTrue(polls.get() >= 25, "polled hourly for a day: " + polls.get());
        List<Alert> found = spendAlerts();
        assertEquals(1, found.size(), "once per crossing, not once per poll: " + alerts);
        Alert.SpendDisagrees d = (Alert.SpendDisagrees) found.getFirst();
        assertEquals("USD", d.difference().currency());
        assertTrue(d.difference().amount().compareTo(new BigDecimal("9.60")) >= 0, "$0.40 an hour for a day: " + d.difference());
        assertTrue(d.text().startsWith("OpenRouter (team): the balance fell "), d.text());
        assertTrue(d.text().contains("more than the usage the provider reports since"), d.text());
        assertTrue(alerts.stream().noneMatch(a -> a.text().contains("sk-or-v1")), "no key in any alert");
    }

    @Test
    void offByDefault() {
        openRouter("0.50", "0.10");
        pollFor(Duration.ofHours(27));
        assertTrue(polls.get() >= 25);
        assertEquals(List.of(), spendAlerts());
    }

    @Test
    void agreeingSeriesRaiseNothing() {
        openRouter("0.50", "0.50");
        engine.checkSpend(true);
        pollFor(Duration.ofHours(27));
        assertTrue(polls.get() >= 25);
        assertEquals(List.of(), spendAlerts());
    }
}
