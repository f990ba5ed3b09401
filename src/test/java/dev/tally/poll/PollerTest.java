package dev.tally.poll;

import dev.tally.status.Remedies;
import dev.tally.account.Account;
import dev.tally.core.AccountStatus;
import dev.tally.core.FetchError;
import dev.tally.core.ProviderId;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ManualScheduler;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollerTest {
    private static final Instant START = Instant.parse("2026-11-22T05:00:00Z");
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ManualClock clock = new ManualClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ProviderCatalog catalog = ProviderCatalog.standard();
    private final BalanceFetcher fetcher = new BalanceFetcher(catalog,
            new KeyResolver(Map.of("DEEPSEEK_API_KEY", ProviderHarness.CANARY)),
            new HttpFetch("test", Duration.ofSeconds(2), Duration.ofSeconds(5), HttpFetch.MAX_BODY_BYTES, clock), clock);
    private final List<FetchOutcome> seen = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchTarget account(String id, int minutes) {
        Account a = new Account(id, ProviderId.of("deepseek"), "DeepSeek " + id, null,
                URI.create(server.baseUrl() + "/" + id), null, null, minutes);
        return FetchTarget.of(a, catalog.find("deepseek").orElseThrow());
    }

    private Poller poller(java.util.concurrent.Executor executor, int cap) {
        Poller p = new Poller(fetcher, scheduler, executor, clock, new Random(7), cap);
        p.addListener((o, s) -> {
            synchronized (seen) {
                seen.add(o);
            }
        });
        return p;
    }

    private long requestsTo(String id) {
        return server.requests().stream().filter(r -> r.path().startsWith("/" + id + "/")).count();
    }

    @Test
    void firstPollsAreStaggered() {
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5), account("b", 5), account("c", 5)), Map.of());
        List<Instant> due = scheduler.pending();
        assertEquals(3, due.size());
        for (int i = 0; i < 3; i++) {
            long ms = Duration.between(START, due.get(i)).toMillis();
            assertTrue(ms >= i * 3000L && ms < i * 3000L + 1000, "poll " + i + " at +" + ms + " ms");
        }
    }

    @Test
    void twoHundredAccountsAllGetTheirFirstPollWithinThirtySecondsUnderTheCap() {
        List<FetchTarget> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            server.fixture("/n" + i + "/user/balance", 200, "deepseek/balance.json");
            many.add(account("n" + i, 5));
        }
        Poller p = poller(Runnable::run, 4);
        p.setTargets(many, Map.of());
        List<Instant> due = scheduler.pending();
        assertEquals(200, due.size());
        for (Instant at : due) {
            assertTrue(!at.isAfter(START.plus(Poller.FIRST_ROUND)), "first poll at " + at);
        }
        assertTrue(due.getLast().isAfter(START.plusSeconds(25)), "spread over the 30 s, not all at once: " + due.getLast());
        scheduler.advance(Poller.FIRST_ROUND.plusSeconds(1));
        for (int i = 0; i < 200; i++) {
            assertEquals(1, requestsTo("n" + i), "n" + i + " was asked once in the first 30 s");
        }
        assertEquals(Duration.ofSeconds(3), Poller.staggerStep(3), "few accounts stay 3 s apart");
        assertEquals(Duration.ofMillis(150), Poller.staggerStep(200));
    }

    @Test
    void successRepeatsEveryIntervalWithinTenPercent() {
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(1, requestsTo("a"));
        Instant last = clock.instant();
        for (int i = 0; i < 20; i++) {
            Instant next = p.state("a").orElseThrow().nextPollAt();
            long gap = Duration.between(last, next).toMillis();
            assertTrue(gap >= 270_000 && gap <= 330_000, "interval 5 min ±10 %, got " + gap + " ms");
            scheduler.advance(Duration.between(clock.instant(), next));
            last = next;
        }
        assertEquals(21, requestsTo("a"));
        assertEquals(Health.LIVE, p.state("a").orElseThrow().health(clock.instant()));
    }

    @Test
    void failuresBackOffExponentiallyUpToThirtyMinutes() {
        server.json("/a/user/balance", 503, "{\"error\":{\"message\":\"overloaded\"}}");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofSeconds(2));
        long[] expected = {30, 60, 120, 240, 480, 960, 1800, 1800, 1800};
        for (long secs : expected) {
            AccountState st = p.state("a").orElseThrow();
            long gap = Duration.between(st.lastPollAt(), st.nextPollAt()).toSeconds();
            assertTrue(gap >= secs * 0.9 - 1 && gap <= Math.min(secs * 1.1, 1800), "expected ~" + secs + " s, got " + gap);
            scheduler.advance(Duration.between(clock.instant(), st.nextPollAt()));
        }
        assertEquals(expected.length + 1, requestsTo("a"));
        assertEquals(Health.ERROR, p.state("a").orElseThrow().health(clock.instant()));
    }

    @Test
    void rateLimitWaitsForRetryAfterCappedAtOneHour() {
        server.reply("/a/user/balance", 429, "{}", Map.of("Retry-After", "120"), Duration.ZERO);
        server.reply("/b/user/balance", 429, "{}", Map.of("Retry-After", "86400"), Duration.ZERO);
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5), account("b", 5)), Map.of());
        scheduler.advance(Duration.ofSeconds(5));
        AccountState a = p.state("a").orElseThrow();
        long ga = Duration.between(a.lastPollAt(), a.nextPollAt()).toSeconds();
        assertTrue(ga >= 120 && ga <= 132, "Retry-After 120 s honoured, got " + ga);
        AccountState b = p.state("b").orElseThrow();
        assertEquals(3600, Duration.between(b.lastPollAt(), b.nextPollAt()).toSeconds(), "capped at 1 h");
        assertEquals(AccountStatus.RATE_LIMITED, a.lastStatus());
    }

    /** Seconds between the last poll and the next one, for each of {@code polls} polls in a row. */
    private List<Long> gapsOver(Poller p, String id, int polls) {
        List<Long> gaps = new ArrayList<>();
        scheduler.advance(Duration.ofSeconds(2));
        for (int i = 0; i < polls; i++) {
            AccountState st = p.state(id).orElseThrow();
            gaps.add(Duration.between(st.lastPollAt(), st.nextPollAt()).toSeconds());
            scheduler.advance(Duration.between(clock.instant(), st.nextPollAt()));
        }
        return gaps;
    }

    @Test
    void retryAfterZeroDoesNotCauseARetryStorm() {
        server.reply("/a/user/balance", 429, "{}", Map.of("Retry-After", "0"), Duration.ZERO);
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        List<Long> gaps = gapsOver(p, "a", 3);
        assertTrue(gaps.get(0) >= 27 && gaps.get(1) >= 54 && gaps.get(2) >= 108,
                "Retry-After: 0 still waits the normal backoff (30 s, 1 min, 2 min ±10 %): " + gaps);
        scheduler.advance(Duration.ofMinutes(3));
        assertEquals(4, requestsTo("a"), "four requests in ~7 minutes, not thousands");
        assertEquals(AccountStatus.RATE_LIMITED, p.state("a").orElseThrow().lastStatus());
    }

    @Test
    void retryAfterDateInThePastWaitsTheNormalBackoff() {
        server.reply("/a/user/balance", 429, "{}", Map.of("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"), Duration.ZERO);
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        List<Long> gaps = gapsOver(p, "a", 2);
        assertTrue(gaps.get(0) >= 27 && gaps.get(0) <= 33, "first retry after ~30 s: " + gaps);
        assertTrue(gaps.get(1) >= 54 && gaps.get(1) <= 66, "then ~1 min: " + gaps);
    }

    @Test
    void aSmallRetryAfterWithManyFailuresGrowsLikeTheBackoffUpToThirtyMinutes() {
        server.reply("/a/user/balance", 429, "{}", Map.of("Retry-After", "5"), Duration.ZERO);
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        List<Long> gaps = gapsOver(p, "a", 10);
        long[] expected = {30, 60, 120, 240, 480, 960, 1800, 1800, 1800, 1800};
        for (int i = 0; i < expected.length; i++) {
            long g = gaps.get(i);
            assertTrue(g >= expected[i] * 0.9 - 1 && g <= Math.min(expected[i] * 1.1, 1800), "poll " + i + ": " + gaps);
        }
    }

    @Test
    void aLongerRetryAfterThanTheBackoffIsHonouredAndCapped() {
        Poller p = new Poller(fetcher, scheduler, Runnable::run, clock, new Random(3), 1);
        for (int failures = 1; failures <= 30; failures++) {
            long tenMin = p.rateLimitDelay(Duration.ofMinutes(10), failures).toSeconds();
            assertTrue(tenMin >= 600 && tenMin <= 1980, failures + " failures, Retry-After 10 min: " + tenMin);
            assertEquals(3600, p.rateLimitDelay(Duration.ofDays(2), failures).toSeconds(), "capped at 1 h");
            long none = p.rateLimitDelay(null, failures).toSeconds();
            assertTrue(none >= 27 && none <= 1800, "no Retry-After: the normal backoff, got " + none);
        }
    }

    @Test
    void rejectedKeyPausesUntilKeyChangesOrManualRefresh() throws Exception {
        server.json("/a/user/balance", 401, "{\"error\":{\"message\":\"Authentication Fails\"}}");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofHours(3));
        assertEquals(1, requestsTo("a"), "no retries with a rejected key");
        assertTrue(p.state("a").orElseThrow().paused());
        p.keyChanged("a");
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(2, requestsTo("a"), "a new key is tried");
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        FetchOutcome o = p.refresh("a").orElseThrow().get(5, TimeUnit.SECONDS);
        assertEquals(AccountStatus.OK, o.status());
        assertFalse(p.state("a").orElseThrow().paused(), "a success resumes polling");
        assertNotNull(p.state("a").orElseThrow().nextPollAt());
    }

    @Test
    void aKeyWithoutPermissionPausesLikeARejectedOne() throws Exception {
        server.json("/a/user/balance", 403, "{\"error\":{\"message\":\"not a management key\"}}");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofHours(3));
        assertEquals(1, requestsTo("a"), "no retries with a key that lacks the permission");
        AccountState st = p.state("a").orElseThrow();
        assertTrue(st.paused());
        assertEquals(AccountStatus.FORBIDDEN, st.lastStatus());
        assertEquals(Health.ERROR, st.health(clock.instant()));
        assertNull(st.nextPollAt(), "nothing scheduled while paused");
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        assertEquals(AccountStatus.OK, p.refresh("a").orElseThrow().get(5, TimeUnit.SECONDS).status(), "a refresh by hand asks again");
        assertFalse(p.state("a").orElseThrow().paused());
    }

    @Test
    void anAccountWithoutAKeyIsPausedWithHealthNoKey() {
        BalanceFetcher keyless = new BalanceFetcher(catalog, new KeyResolver(Map.of()),
                new HttpFetch("test", Duration.ofSeconds(2), Duration.ofSeconds(5), HttpFetch.MAX_BODY_BYTES, clock), clock);
        Poller p = new Poller(keyless, scheduler, Runnable::run, clock, new Random(7), 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofHours(2));
        AccountState st = p.state("a").orElseThrow();
        assertEquals(Health.NO_KEY, st.health(clock.instant()));
        assertTrue(st.paused(), "nothing to ask with until a key is set");
        assertTrue(Remedies.commandLine(st.lastError()).contains("tally keys set a"), Remedies.commandLine(st.lastError()));
        assertEquals(0, server.requests().size(), "no request without a key");
    }

    @Test
    void aProviderWithoutABalanceApiIsPausedWithHealthUnsupported() {
        Account groq = new Account("groq", ProviderId.of("groq"), "Groq", null, null, null, null, 5);
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(FetchTarget.of(groq, catalog.find("groq").orElseThrow())), Map.of());
        scheduler.advance(Duration.ofHours(2));
        AccountState st = p.state("groq").orElseThrow();
        assertEquals(Health.UNSUPPORTED, st.health(clock.instant()));
        assertTrue(st.paused());
        assertEquals(1, seen.size(), "asked once, then left alone");
        assertTrue(st.lastError().message().startsWith("balance check not supported"), st.lastError().message());
    }

    @Test
    void changingAPausedAccountsSettingsResumesIt() {
        server.json("/a/user/balance", 401, "{}");
        server.fixture("/b/user/balance", 200, "deepseek/balance.json");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofMinutes(30));
        assertTrue(p.state("a").orElseThrow().paused());
        Account moved = new Account("a", ProviderId.of("deepseek"), "DeepSeek a", null,
                URI.create(server.baseUrl() + "/b"), null, null, 5);
        p.setTargets(List.of(FetchTarget.of(moved, catalog.find("deepseek").orElseThrow())), Map.of());
        assertFalse(p.state("a").orElseThrow().paused(), "a config change un-pauses");
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(1, requestsTo("b"));
        AccountState st = p.state("a").orElseThrow();
        assertEquals(AccountStatus.OK, st.lastStatus());
        assertNotNull(st.nextPollAt(), "and polling goes on");
        p.setTargets(List.of(FetchTarget.of(moved, catalog.find("deepseek").orElseThrow())), Map.of());
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(1, requestsTo("b"), "the same settings again change nothing");
    }

    @Test
    void failureKeepsLastGoodSnapshotMarkedStale() {
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofSeconds(2));
        server.json("/a/user/balance", 500, "{}");
        scheduler.advance(Duration.ofMinutes(6));
        AccountState st = p.state("a").orElseThrow();
        assertEquals("110.00", st.lastGood().balances().getFirst().total().toPlainString());
        assertEquals(AccountStatus.PROVIDER_ERROR, st.lastStatus());
        assertEquals(Health.ERROR, st.health(clock.instant()));
        assertTrue(st.stale(clock.instant()));
        FetchOutcome last = seen.getLast();
        assertTrue(last instanceof FetchOutcome.Failure f && f.error() instanceof FetchError.ProviderError);
    }

    @Test
    void manualRefreshJoinsTheRequestInFlight() throws Exception {
        server.reply("/a/user/balance", 200, Fixtures.read("deepseek/balance.json"),
                Map.of("Content-Type", "application/json"), Duration.ofMillis(400));
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Poller p = poller(exec, 4);
            p.setTargets(List.of(account("a", 5)), Map.of());
            CompletableFuture<FetchOutcome> first = p.refresh("a").orElseThrow();
            CompletableFuture<FetchOutcome> second = p.refresh("a").orElseThrow();
            assertSame(first, second);
            assertTrue(p.inFlight("a"));
            assertEquals(AccountStatus.OK, first.get(5, TimeUnit.SECONDS).status());
            assertEquals(1, requestsTo("a"));
        }
    }

    @Test
    void globalCapLimitsConcurrentRequests() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        byte[] body = Fixtures.read("deepseek/balance.json").getBytes(StandardCharsets.UTF_8);
        List<FetchTarget> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "acc" + i;
            targets.add(account(id, 5));
            server.handle("/" + id + "/user/balance", ex -> {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
        }
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Poller p = poller(exec, 2);
            p.setTargets(targets, Map.of());
            for (CompletableFuture<FetchOutcome> f : p.refreshAll()) {
                assertEquals(AccountStatus.OK, f.get(10, TimeUnit.SECONDS).status());
            }
        }
        assertEquals(2, max.get(), "at most two requests at once");
    }

    @Test
    void jitterAndBackoffStayWithinBounds() {
        Poller p = new Poller(fetcher, scheduler, Runnable::run, clock, new Random(1), 1);
        for (int i = 0; i < 10_000; i++) {
            long j = p.jitter(Duration.ofMinutes(10)).toMillis();
            assertTrue(j >= 540_000 && j <= 660_000, "±10 %: " + j);
            int failures = 1 + (i % 40);
            long b = p.backoff(failures).toMillis();
            assertTrue(b > 0 && b <= Poller.MAX_BACKOFF.toMillis(), "backoff " + b + " for " + failures);
        }
    }

    @Test
    void editingAnAccountDuringAFetchPollsAgainWithTheNewSettings() throws Exception {
        server.reply("/a/user/balance", 504, "{}", Map.of(), Duration.ofMillis(500));
        server.fixture("/b/user/balance", 200, "deepseek/balance.json");
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Poller p = poller(exec, 4);
            p.setTargets(List.of(account("a", 5)), Map.of());
            CompletableFuture<FetchOutcome> old = p.refresh("a").orElseThrow();
            Account moved = new Account("a", ProviderId.of("deepseek"), "DeepSeek a", null,
                    URI.create(server.baseUrl() + "/b"), null, null, 5);
            p.setTargets(List.of(FetchTarget.of(moved, catalog.find("deepseek").orElseThrow())), Map.of());
            old.get(5, TimeUnit.SECONDS);
            scheduler.advance(Duration.ofSeconds(2));
            waitUntil(() -> requestsTo("b") == 1 && !p.inFlight("a"));
            AccountState st = p.state("a").orElseThrow();
            assertEquals(AccountStatus.OK, st.lastStatus(), "the new base URL was asked; the old answer was dropped");
            assertNotNull(st.nextPollAt(), "polling goes on");
        }
    }

    @Test
    void aManualRefreshAfterAnEditAsksWithTheNewSettingsNotTheOldRequest() throws Exception {
        server.reply("/a/user/balance", 504, "{}", Map.of(), Duration.ofMillis(500));
        server.fixture("/b/user/balance", 200, "deepseek/balance.json");
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Poller p = poller(exec, 4);
            p.setTargets(List.of(account("a", 5)), Map.of());
            CompletableFuture<FetchOutcome> old = p.refresh("a").orElseThrow();
            Account moved = new Account("a", ProviderId.of("deepseek"), "DeepSeek a", null,
                    URI.create(server.baseUrl() + "/b"), null, null, 5);
            p.setTargets(List.of(FetchTarget.of(moved, catalog.find("deepseek").orElseThrow())), Map.of());
            CompletableFuture<FetchOutcome> fresh = p.refresh("a").orElseThrow();
            FetchOutcome o = fresh.get(5, TimeUnit.SECONDS);
            assertEquals(AccountStatus.PROVIDER_ERROR, old.get(5, TimeUnit.SECONDS).status(), "the old request ran to its end");
            assertEquals(AccountStatus.OK, o.status(), "the refresh answered with the new base URL");
            assertEquals(moved, o.target().account());
            assertEquals(1, requestsTo("b"));
            assertEquals(AccountStatus.OK, p.state("a").orElseThrow().lastStatus());
            scheduler.advance(Duration.ofSeconds(2));
            assertEquals(1, requestsTo("b"), "the re-poll the dropped answer scheduled was replaced by the refresh");
            assertEquals(1, requestsTo("a"), "one request per account at a time: the old URL was asked once");
        }
    }

    @Test
    void aKeySavedWhileTheOldKeyIsBeingRejectedIsTried() throws Exception {
        server.reply("/a/user/balance", 401, "{}", Map.of(), Duration.ofMillis(400));
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Poller p = poller(exec, 4);
            p.setTargets(List.of(account("a", 5)), Map.of());
            CompletableFuture<FetchOutcome> old = p.refresh("a").orElseThrow();
            p.keyChanged("a");
            old.get(5, TimeUnit.SECONDS);
            waitUntil(() -> !p.inFlight("a"));
            assertFalse(p.state("a").orElseThrow().paused(), "the rejection was of the old key");
            scheduler.advance(Duration.ofSeconds(2));
            waitUntil(() -> requestsTo("a") == 2);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 5 s");
    }

    @Test
    void removedAccountStopsPolling() {
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        Poller p = poller(Runnable::run, 4);
        p.setTargets(List.of(account("a", 5)), Map.of());
        scheduler.advance(Duration.ofSeconds(2));
        p.setTargets(List.of(), Map.of());
        scheduler.advance(Duration.ofHours(1));
        assertEquals(1, requestsTo("a"));
        assertTrue(p.states().isEmpty());
    }
}
