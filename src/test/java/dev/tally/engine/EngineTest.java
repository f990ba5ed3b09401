package dev.tally.engine;

import dev.tally.account.Account;
import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.alert.Alert;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.history.DailyRollup;
import dev.tally.history.HistoryStore;
import dev.tally.poll.AccountState;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine as {@code tally watch} and the desktop app run it, on a manual clock and scheduler, against the
 * loopback fake provider, a real accounts.json, a real history file and an in-memory keychain: changes made by
 * other processes ({@code tally accounts ...}, {@code tally keys set}) are picked up, and old history is folded
 * daily.
 */
class EngineTest {
    private static final String GOOD_KEY = "sk-good-0123456789abcdef";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ManualClock clock = new ManualClock(ProviderHarness.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final MemorySecretStore keychain = new MemorySecretStore();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<List<String>> reloads = new ArrayList<>();
    private AppContext ctx;
    private Engine engine;

    @BeforeEach
    void start() {
        ctx = new AppContext(new AppDirs(home, home), Map.of(), clock, keychain);
        engine = new Engine(ctx.engineServices(), alerts::add, scheduler, Runnable::run);
    }

    @AfterEach
    void stop() {
        engine.close();
        ctx.close();
        server.close();
    }

    /** DeepSeek at {@code /<path>/user/balance}: 100.00 CNY for the good key, 401 for any other. */
    private void deepseekAt(String path) {
        server.handle("/" + path + "/user/balance", ex -> {
            boolean good = ("Bearer " + GOOD_KEY).equals(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = (good ? "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"100.00\","
                    + "\"granted_balance\":\"0.00\",\"topped_up_balance\":\"100.00\"}]}"
                    : "{\"error\":{\"message\":\"Authentication Fails\"}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(good ? 200 : 401, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
    }

    private Account account(String id, String path) {
        return new Account(id, ProviderId.of("deepseek"), "DeepSeek " + id, null, URI.create(server.baseUrl() + "/" + path),
                null, null, 5);
    }

    private void startEngine(Duration checkEvery) {
        engine.reload();
        engine.startHousekeeping(Runnable::run, checkEvery, (accounts, warning) ->
                reloads.add(accounts.stream().map(Account::id).toList()));
    }

    private long requestsTo(String path) {
        return server.requests().stream().filter(r -> r.path().startsWith("/" + path + "/")).count();
    }

    private AccountState state(String id) {
        return engine.poller().state(id).orElseThrow();
    }

    @Test
    void aKeySetWithTheCommandLineResumesAnAccountPausedForItsRejectedKey() {
        deepseekAt("a");
        keychain.write("a", Secret.of("sk-wrong-0123456789abcdef"));
        ctx.accounts().save(List.of(account("a", "a")));
        startEngine(Engine.CHECK_EVERY);
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(AccountStatus.AUTH_FAILED, state("a").lastStatus());
        assertTrue(state("a").paused());
        scheduler.advance(Duration.ofHours(1));
        assertEquals(1, requestsTo("a"), "a rejected key is not asked again by itself");
        assertEquals(1, alerts.size(), "key rejected, once: " + alerts);

        keychain.write("a", Secret.of(GOOD_KEY)); // what 'tally keys set a' does from another process
        scheduler.advance(Engine.CHECK_EVERY.plusSeconds(2));
        assertEquals(2, requestsTo("a"), "the new key was tried within seconds");
        assertEquals(AccountStatus.OK, state("a").lastStatus());
        assertEquals("100.00", state("a").lastGood().balances().getFirst().total().toPlainString());
        assertFalse(state("a").paused());
        assertTrue(reloads.isEmpty(), "accounts.json did not change");
    }

    @Test
    void anEditedAccountsFileResumesAPausedAccountAndPicksUpAddedAndRemovedOnes() {
        deepseekAt("old");
        deepseekAt("new");
        keychain.write("a", Secret.of(GOOD_KEY));
        keychain.write("b", Secret.of(GOOD_KEY));
        server.json("/old/user/balance", 403, "{\"error\":{\"message\":\"not allowed\"}}");
        ctx.accounts().save(List.of(account("a", "old")));
        startEngine(Engine.CHECK_EVERY);
        scheduler.advance(Duration.ofMinutes(30));
        assertEquals(AccountStatus.FORBIDDEN, state("a").lastStatus());
        assertTrue(state("a").paused());
        assertEquals(1, requestsTo("old"));
        assertEquals(List.of(new Alert.KeyRejected("a", "DeepSeek a", state("a").lastError().message(), true)), alerts);

        // 'tally accounts edit a --base-url ...' and 'tally accounts add ...' from another process
        ctx.accounts().save(List.of(account("a", "new"), account("b", "new")));
        scheduler.advance(Engine.CHECK_EVERY.plusSeconds(5));
        assertEquals(List.of(List.of("a", "b")), reloads);
        assertEquals(AccountStatus.OK, state("a").lastStatus(), "the edited account was asked again at its new address");
        assertFalse(state("a").paused());
        assertEquals(AccountStatus.OK, state("b").lastStatus(), "the added account is polled");
        assertEquals(2, requestsTo("new"));
        assertEquals(1, requestsTo("old"));

        ctx.accounts().save(List.of(account("b", "new"))); // 'tally accounts remove a'
        scheduler.advance(Engine.CHECK_EVERY);
        assertEquals(List.of("b"), engine.poller().states().stream().map(s -> s.target().id()).toList());
        assertEquals(List.of("b"), engine.accounts().stream().map(Account::id).toList());
        long before = requestsTo("new");
        scheduler.advance(Duration.ofMinutes(11));
        assertEquals(before + 2, requestsTo("new"), "only b goes on, every ~5 minutes");
        assertEquals(2, reloads.size(), "an unchanged file is not read again");
    }

    @Test
    void anAccountWithoutAKeyStartsPollingOnceOneIsSet() {
        deepseekAt("a");
        ctx.accounts().save(List.of(account("a", "a")));
        startEngine(Engine.CHECK_EVERY);
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(AccountStatus.NO_KEY, state("a").lastStatus());
        assertEquals(0, requestsTo("a"));
        keychain.write("a", Secret.of(GOOD_KEY));
        scheduler.advance(Engine.CHECK_EVERY.plusSeconds(2));
        assertEquals(AccountStatus.OK, state("a").lastStatus());
    }

    @Test
    void oldHistoryIsFoldedOnceADayWhileTheEngineRuns() {
        deepseekAt("a");
        keychain.write("a", Secret.of(GOOD_KEY));
        ctx.accounts().save(List.of(account("a", "a")));
        Instant old = ProviderHarness.NOW.minus(Duration.ofHours(89 * 24 + 12));
        HistoryStore history = ctx.history();
        history.writer().recordSnapshot("a", new BalanceSnapshot(ProviderId.of("deepseek"), old, true,
                List.of(CurrencyBalance.of("CNY", new BigDecimal("250.00"))), null, null),
                HistoryStore.SOURCE_POLL);
        engine.applyRetention(); // at start, as watch and the desktop app do
        startEngine(Duration.ofHours(1));
        LocalDate day = LocalDate.ofInstant(old, ZoneOffset.UTC);
        assertEquals(1, history.reader().snapshots("a", "CNY", old, old).size(), "89.5 days old: still raw");

        scheduler.advance(Duration.ofHours(23));
        assertEquals(1, history.reader().snapshots("a", "CNY", old, old).size(), "not a day yet");
        scheduler.advance(Duration.ofHours(2));
        assertTrue(history.reader().snapshots("a", "CNY", old, old).isEmpty(), "over 90 days old after a day: the raw row is gone");
        List<DailyRollup> days = history.reader().dailyRollups("a", "CNY", day, day);
        assertEquals(1, days.size());
        assertTrue(days.getFirst().folded(), "and its day survives as a folded rollup");
        assertEquals("250.00", days.getFirst().lastBalance().toPlainString());
    }
}
