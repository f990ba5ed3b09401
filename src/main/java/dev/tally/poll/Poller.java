package dev.tally.poll;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

/**
 * Polls every account in the background: its own interval with ±10 % jitter, first polls staggered (3 s apart, or
 * closer so that all accounts are asked within 30 s), one
 * request in flight per account (a manual refresh joins it), a global cap on concurrent requests,
 * exponential backoff with jitter on failures (up to {@link #MAX_BACKOFF}), on 429 the longer of Retry-After
 * and that backoff (capped at {@link #MAX_RETRY_AFTER}), and a pause on a rejected or missing key until the key or the
 * account changes or the user refreshes by hand.
 *
 * <p>Threads: public methods are thread-safe and never block on the network. Fetches run on the injected
 * executor; listeners are called there (never on a UI thread). Time comes from the injected clock and
 * {@link Scheduler}, so tests run instantly.
 */
public final class Poller implements AutoCloseable {
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    public static final Duration STAGGER = Duration.ofSeconds(3);
    /** Every account started together gets its first poll within this time (see {@link #staggerStep}). */
    public static final Duration FIRST_ROUND = Duration.ofSeconds(30);
    public static final double JITTER = 0.10;

    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    private final BalanceFetcher fetcher;
    private final Scheduler scheduler;
    private final Executor fetchExecutor;
    private final Clock clock;
    private final RandomGenerator random;
    private final Semaphore permits;
    private final List<PollListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private boolean closed;

    private static final class Slot {
        FetchTarget target;
        AccountState state;
        Scheduler.Cancellable timer;
        CompletableFuture<FetchOutcome> inFlight;
        /** The generation the request in flight was started for. */
        long inFlightGeneration;
        /** Bumped when the account's settings or key change: a request started before answers for the old ones. */
        long generation;
    }

    /**
     * @param maxConcurrent how many requests may be in flight at once, across all accounts
     */
    public Poller(BalanceFetcher fetcher, Scheduler scheduler, Executor fetchExecutor, Clock clock,
                  RandomGenerator random, int maxConcurrent) {
        this.fetcher = fetcher;
        this.scheduler = scheduler;
        this.fetchExecutor = fetchExecutor;
        this.clock = clock;
        this.random = random;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    public void addListener(PollListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /**
     * Sets the accounts to poll. New accounts get a staggered first poll; accounts whose settings changed
     * are un-paused and polled soon; removed accounts stop.
     *
     * @param lastGood last good snapshots by account id (e.g. from history) so a restart shows them at once
     */
    public synchronized void setTargets(List<FetchTarget> targets, Map<String, BalanceSnapshot> lastGood) {
        if (closed) {
            return;
        }
        List<String> keep = targets.stream().map(FetchTarget::id).toList();
        for (var it = slots.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!keep.contains(e.getKey())) {
                cancel(e.getValue());
                it.remove();
            }
        }
        int index = 0;
        int starting = (int) targets.stream().filter(t -> !slots.containsKey(t.id()) || !slots.get(t.id()).target.equals(t))
                .count();
        Duration step = staggerStep(starting);
        for (FetchTarget t : targets) {
            Slot s = slots.get(t.id());
            if (s == null) {
                s = new Slot();
                s.target = t;
                s.state = new AccountState(t, lastGood.get(t.id()), null, null, null, false, 0);
                slots.put(t.id(), s);
                schedule(s, stagger(index++, step));
            } else if (!s.target.equals(t)) {
                s.generation++;
                s.target = t;
                s.state = new AccountState(t, s.state.lastGood(), s.state.lastError(), s.state.lastPollAt(), null, false, 0);
                schedule(s, stagger(index++, step));
            }
        }
    }

    /** The key of an account was set or changed: un-pause it and poll soon. */
    public synchronized void keyChanged(String id) {
        Slot s = slots.get(id);
        if (s != null && !closed) {
            s.generation++;
            s.state = withSchedule(s.state, null, false, 0);
            schedule(s, stagger(0));
        }
    }

    /**
     * Polls now (un-pausing the account). If a request for the account's current settings and key is already in
     * flight, returns that one; if the one in flight was started before they changed, its answer is dropped and
     * the returned future is that of a new request made as soon as the old one ends.
     *
     * @return the outcome, completed on a fetch thread; empty if there is no such account
     */
    public synchronized Optional<CompletableFuture<FetchOutcome>> refresh(String id) {
        Slot s = slots.get(id);
        if (s == null || closed) {
            return Optional.empty();
        }
        return Optional.of(start(s));
    }

    /** Polls every account now; joins requests already in flight (chains after ones for old settings). */
    public synchronized List<CompletableFuture<FetchOutcome>> refreshAll() {
        List<CompletableFuture<FetchOutcome>> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            out.add(start(s));
        }
        return out;
    }

    public synchronized Optional<AccountState> state(String id) {
        return Optional.ofNullable(slots.get(id)).map(s -> s.state);
    }

    public synchronized List<AccountState> states() {
        return slots.values().stream().map(s -> s.state).toList();
    }

    /** True while a request for the account is in flight. */
    public synchronized boolean inFlight(String id) {
        Slot s = slots.get(id);
        return s != null && s.inFlight != null;
    }

    private CompletableFuture<FetchOutcome> start(Slot s) {
        if (s.inFlight != null) {
            if (s.inFlightGeneration == s.generation) {
                return s.inFlight;
            }
            // one request per account at a time: ask again with the new settings once the old request is over
            return s.inFlight.thenCompose(stale -> restart(s, stale));
        }
        cancel(s);
        CompletableFuture<FetchOutcome> future = new CompletableFuture<>();
        s.inFlight = future;
        s.inFlightGeneration = s.generation;
        FetchTarget target = s.target;
        long generation = s.generation;
        fetchExecutor.execute(() -> {
            FetchOutcome outcome = null;
            try {
                permits.acquireUninterruptibly();
                try {
                    outcome = fetcher.fetch(target);
                } finally {
                    permits.release();
                }
            } catch (Throwable t) {
                // never leave the account "in flight" forever: an unexpected error is a failed poll
                LOG.log(System.Logger.Level.ERROR, "poll of " + target.id() + " failed unexpectedly", t);
                outcome = new FetchOutcome.Failure(target, clock.instant(),
                        new FetchError.BadResponse(dev.tally.provider.FetchPhrase.INTERNAL_ERROR_OF.text(t.getClass().getSimpleName())));
            } finally {
                FetchOutcome result = outcome;
                AccountState after = finish(s, target, generation, result);
                if (after != null) {
                    for (PollListener l : listeners) {
                        try {
                            l.onPoll(result, after);
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.ERROR, "poll listener failed", e);
                        }
                    }
                }
                future.complete(result);
            }
        });
        return future;
    }

    /** After a request for old settings ended: a new one for the current ones, unless the account is gone. */
    private synchronized CompletableFuture<FetchOutcome> restart(Slot s, FetchOutcome stale) {
        if (closed || slots.get(s.target.id()) != s) {
            return CompletableFuture.completedFuture(stale);
        }
        return start(s);
    }

    /** Records the outcome; {@code null} when it no longer applies (account removed, or changed meanwhile). */
    private synchronized AccountState finish(Slot s, FetchTarget target, long generation, FetchOutcome outcome) {
        s.inFlight = null;
        if (closed || slots.get(target.id()) != s) {
            return null;
        }
        if (generation != s.generation) {
            // the settings or the key changed while this request ran: its answer is about the old ones, so
            // neither its pause nor its backoff nor its balance applies; ask again with the new ones
            schedule(s, stagger(0));
            return null;
        }
        Instant now = clock.instant();
        AccountState prev = s.state;
        AccountState next;
        Duration delay;
        switch (outcome) {
            case FetchOutcome.Success ok -> {
                delay = jitter(prev.interval());
                next = new AccountState(target, ok.snapshot(), null, now, null, false, 0);
            }
            case FetchOutcome.Failure f -> {
                int failures = prev.failures() + 1;
                delay = failureDelay(f.error(), failures);
                next = new AccountState(target, prev.lastGood(), f.error(), now, null, delay == null, failures);
            }
        }
        s.state = next;
        if (delay != null) {
            schedule(s, delay);
        }
        return s.state;
    }

    /** How long to wait after a failure, or {@code null} to pause until something changes. */
    Duration failureDelay(FetchError error, int failures) {
        return switch (error) {
            case FetchError.AuthFailed a -> null;
            case FetchError.Forbidden f -> null;
            case FetchError.NoKey n -> null;
            case FetchError.Unsupported u -> null;
            case FetchError.RateLimited r -> rateLimitDelay(r.retryAfter(), failures);
            default -> backoff(failures);
        };
    }

    /**
     * After a 429: never earlier than the provider asked (plus up to 10 % so several accounts do not return in
     * lock-step), and never earlier than the normal backoff for this many failures in a row, so a Retry-After
     * of 0, a date in the past or a tiny value cannot cause a retry storm; at most {@link #MAX_RETRY_AFTER}.
     *
     * @param retryAfter what the provider asked for, or {@code null} when it did not say
     */
    Duration rateLimitDelay(Duration retryAfter, int failures) {
        Duration wait = backoff(failures);
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            long extraMs = (long) (Math.max(asked.toMillis(), 1000) * JITTER * random.nextDouble());
            Duration politely = asked.plusMillis(extraMs);
            if (politely.compareTo(wait) > 0) {
                wait = politely;
            }
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    /** 30 s, 1 min, 2 min, ... up to 30 min, each ±10 %, never above the cap. */
    Duration backoff(int failures) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jittered = (long) (capped * (1 - JITTER + 2 * JITTER * random.nextDouble()));
        return Duration.ofMillis(Math.min(jittered, MAX_BACKOFF.toMillis()));
    }

    /** interval ±10 %. */
    Duration jitter(Duration interval) {
        return Duration.ofMillis((long) (interval.toMillis() * (1 - JITTER + 2 * JITTER * random.nextDouble())));
    }

    /**
     * The gap between first polls when {@code count} accounts start together: {@link #STAGGER}, or less so that all of
     * them are asked within {@link #FIRST_ROUND} (200 accounts: one every 150 ms); the global cap still applies.
     */
    static Duration staggerStep(int count) {
        Duration spread = count <= 0 ? STAGGER : FIRST_ROUND.dividedBy(count);
        return spread.compareTo(STAGGER) < 0 ? spread : STAGGER;
    }

    /** The {@code index}-th first poll: {@code index} steps, plus up to a second (at most one step) of jitter. */
    private Duration stagger(int index, Duration step) {
        long jitterMs = Math.max(1, Math.min(1000, step.toMillis()));
        return step.multipliedBy(index).plusMillis(random.nextLong(jitterMs));
    }

    private Duration stagger(int index) {
        return stagger(index, STAGGER);
    }

    private void schedule(Slot s, Duration delay) {
        cancel(s);
        Instant at = clock.instant().plus(delay);
        s.state = withSchedule(s.state, at, s.state.paused(), s.state.failures());
        s.timer = scheduler.schedule(delay, () -> due(s));
    }

    private synchronized void due(Slot s) {
        if (closed || slots.get(s.target.id()) != s || s.state.paused()) {
            return;
        }
        start(s);
    }

    private static AccountState withSchedule(AccountState st, Instant next, boolean paused, int failures) {
        return new AccountState(st.target(), st.lastGood(), st.lastError(), st.lastPollAt(), next, paused, failures);
    }

    private static void cancel(Slot s) {
        if (s.timer != null) {
            s.timer.cancel();
            s.timer = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        slots.values().forEach(Poller::cancel);
    }
}
