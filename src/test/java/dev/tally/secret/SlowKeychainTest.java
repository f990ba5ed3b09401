package dev.tally.secret;

import dev.tally.testing.Slow;
import dev.tally.account.Account;
import dev.tally.core.AccountStatus;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.poll.AccountState;
import dev.tally.poll.BalanceFetcher;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.poll.Poller;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ManualScheduler;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real gnome-keyring behind a D-Bus socket that holds back every request until the test lets it through
 * ({@link SlowBus}): a keychain that does not answer is "not answering" — not "unavailable", not "no key" — keys it
 * holds are never called missing, background polls keep the last good balance and ask again, and the probe leaves no
 * entry in the keyring however it ends. The waits are injected (2 s), and the verdicts do not depend on timing: the
 * gate is shut until the test opens it.
 */
@Slow
class SlowKeychainTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final KeychainWaits SHORT = new KeychainWaits(WAIT, WAIT,
            KeyringSecretStore.UNLOCK_TIMEOUT, Duration.ofSeconds(1));
    private static final String KEY = "sk-slow-CANARY-" + Long.toHexString(System.nanoTime());
    private static final ProviderCatalog CATALOG = ProviderCatalog.standard();

    @TempDir
    Path dir;

    private static KeyringSecretStore open(Map<String, String> env, Runnable stillWaiting) {
        return KeyringSecretStore.open(SHORT, env, "Linux", stillWaiting);
    }

    private static void awaitAvailable(SecretStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!store.status().isAvailable() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(store.status().isAvailable(), "the probe finished once the keychain answered: " + store.status());
    }

    /** Every entry of service Tally in the keyring, as secret-tool lists them. */
    private static String entries(PrivateBus bus) throws Exception {
        assumeTrue(PrivateBus.onPath("secret-tool"), "secret-tool is not installed");
        ProcessBuilder pb = new ProcessBuilder("secret-tool", "search", "--all", "service", "Tally").redirectErrorStream(true);
        pb.environment().putAll(bus.env());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    private static FetchTarget deepseek(String id, URI server) {
        return FetchTarget.of(new Account(id, ProviderId.of("deepseek"), "DeepSeek " + id, null, server, null, null, 5),
                CATALOG.find("deepseek").orElseThrow());
    }

    @Test
    void aKeychainThatDoesNotAnswerIsNotAnsweringAndItsKeysAreNotCalledMissing() throws Exception {
        try (PrivateBus bus = PrivateBus.start(dir);
             FakeProviderServer server = FakeProviderServer.start();
             HttpFetch http = new HttpFetch("test")) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            try (KeyringSecretStore direct = open(bus.env(), null)) {
                assertTrue(direct.status().isAvailable(), direct.status().toString());
                direct.write("slow-a", Secret.of(KEY));
            }
            try (SlowBus slow = SlowBus.inFrontOf(bus, dir)) {
                AtomicInteger notices = new AtomicInteger();
                KeyringSecretStore store = open(slow.env(), notices::incrementAndGet);
                try {
                    assertEquals(StoreStatus.State.NOT_ANSWERING, store.status().state(), store.status().toString());
                    assertTrue(store.status().reason().contains("did not answer in 2 s"), store.status().reason());
                    assertEquals(1, notices.get(), "the caller was told once that the keychain is being waited for");

                    KeyResolver keys = new KeyResolver(Map.of(), () -> store);
                    assertEquals(KeyResolver.Source.KEYCHAIN_UNREADABLE,
                            keys.find(CATALOG.find("deepseek").orElseThrow(), "slow-a").get("api").source());
                    SecretStoreException refused = assertThrows(SecretStoreException.class,
                            () -> store.write("slow-b", Secret.of(KEY)));
                    assertTrue(refused.getMessage().contains("did not answer in 2 s"), refused.getMessage());

                    server.fixture("/user/balance", 200, "deepseek/balance.json");
                    BalanceFetcher fetcher = new BalanceFetcher(CATALOG, keys, http, java.time.Clock.systemUTC());
                    FetchOutcome outcome = fetcher.fetch(deepseek("slow-a", server.baseUrl()));
                    assertEquals(AccountStatus.TIMEOUT, outcome.status(), "not no_key: the key is there");
                    String message = ((FetchOutcome.Failure) outcome).error().message();
                    assertTrue(message.contains("did not answer in 2 s") && message.contains("asks again"), message);
                    assertFalse(message.contains("tally keys set"), "no wrong advice: " + message);
                    assertEquals(0, server.requests().size(), "nothing was sent without the key");

                    slow.openGate();
                    awaitAvailable(store);
                    assertEquals(KEY, store.read("slow-a").orElseThrow().reveal(), "the key was there all along");
                    assertEquals(AccountStatus.OK, fetcher.fetch(deepseek("slow-a", server.baseUrl())).status());
                } finally {
                    store.close();
                }
            }
            String listed = entries(bus);
            assertTrue(listed.contains("slow-a"), "the listing works: " + listed);
            assertFalse(listed.contains(KeyringSecretStore.PROBE_PREFIX), "no probe entry left: " + listed);
        }
    }

    @Test
    void aProbeCutShortLeavesNothingInTheKeyring() throws Exception {
        try (PrivateBus bus = PrivateBus.start(dir)) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            try (SlowBus slow = SlowBus.inFrontOf(bus, dir)) {
                for (int i = 0; i < 3; i++) {
                    KeyringSecretStore store = open(slow.env(), null);
                    assertEquals(StoreStatus.State.NOT_ANSWERING, store.status().state(), store.status().toString());
                    store.close(); // the program ends while its probe is still waiting for an answer
                }
                slow.openGate(); // whatever the probes had sent now reaches the keyring
                KeyringSecretStore last = open(slow.env(), null);
                awaitAvailable(last);
                last.close();
            }
            try (KeyringSecretStore direct = open(bus.env(), null)) {
                assertTrue(direct.status().isAvailable(), direct.status().toString());
            }
            assertFalse(entries(bus).contains(KeyringSecretStore.PROBE_PREFIX), "no probe entry left: " + entries(bus));
        }
    }

    @Test
    void aBackgroundPollKeepsTheLastGoodBalanceAndAsksAgainWhenTheKeychainStopsAnswering() throws Exception {
        try (PrivateBus bus = PrivateBus.start(dir);
             FakeProviderServer server = FakeProviderServer.start()) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            server.fixture("/user/balance", 200, "deepseek/balance.json");
            try (SlowBus slow = SlowBus.inFrontOf(bus, dir)) {
                slow.openGate();
                KeyringSecretStore store = open(slow.env(), null);
                ManualClock clock = new ManualClock(ProviderHarness.NOW);
                ManualScheduler scheduler = new ManualScheduler(clock);
                try (HttpFetch http = new HttpFetch("test", Duration.ofSeconds(5), Duration.ofSeconds(10),
                        HttpFetch.MAX_BODY_BYTES, clock)) {
                    assertTrue(store.status().isAvailable(), store.status().toString());
                    store.write("slow-poll", Secret.of(KEY));
                    BalanceFetcher fetcher = new BalanceFetcher(CATALOG, new KeyResolver(Map.of(), () -> store), http, clock);
                    Poller poller = new Poller(fetcher, scheduler, Runnable::run, clock, new Random(3), 4);
                    poller.setTargets(List.of(deepseek("slow-poll", server.baseUrl())), Map.of());
                    scheduler.advance(Duration.ofSeconds(2));
                    AccountState first = poller.state("slow-poll").orElseThrow();
                    assertEquals(AccountStatus.OK, first.lastStatus());

                    slow.shutGate();
                    scheduler.advance(Duration.between(clock.instant(), first.nextPollAt()));
                    AccountState silent = poller.state("slow-poll").orElseThrow();
                    assertEquals(AccountStatus.TIMEOUT, silent.lastStatus(), silent.lastError().message());
                    assertFalse(silent.paused(), "asks again, unlike a missing key");
                    assertNotNull(silent.nextPollAt());
                    assertEquals(first.lastGood(), silent.lastGood(), "the last good balance is still shown");

                    slow.openGate();
                    scheduler.advance(Duration.between(clock.instant(), silent.nextPollAt()));
                    assertEquals(AccountStatus.OK, poller.state("slow-poll").orElseThrow().lastStatus(),
                            "the next cycle reads the key again");
                    poller.close();
                    store.delete("slow-poll");
                } finally {
                    store.close();
                }
            }
        }
    }

    @Test
    void aSaveThePersonIsWaitingForWaitsForAKeychainThatAnswersLate() throws Exception {
        java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (PrivateBus bus = PrivateBus.start(dir)) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            try (SlowBus slow = SlowBus.inFrontOf(bus, dir)) {
                KeyringSecretStore store = open(slow.env(), null);
                try {
                    assertEquals(StoreStatus.State.NOT_ANSWERING, store.status().state(), "the widget did not wait long");
                    // as the settings dialog's Save does: the keychain answers after 3 s, within the 10 s it waits
                    later.schedule(slow::openGate, 3, TimeUnit.SECONDS);
                    assertTrue(store.awaitAnswer(Duration.ofSeconds(10)).isAvailable(), store.status().toString());
                    store.write("slow-save", Secret.of(KEY));
                    assertEquals(KEY, store.read("slow-save").orElseThrow().reveal(), "the first Save stored the key");
                    store.delete("slow-save");
                } finally {
                    store.close();
                }
            }
        } finally {
            later.shutdownNow();
        }
    }
}
