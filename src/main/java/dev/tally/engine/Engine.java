package dev.tally.engine;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.alert.Alert;
import dev.tally.alert.AlertRules;
import dev.tally.alert.Notifier;
import dev.tally.alert.RaisedListener;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.provider.Credentials;
import dev.tally.provider.KeySlot;
import dev.tally.estimate.EstimatedBalance;
import dev.tally.history.HistoryStore;
import dev.tally.history.HistoryWriter;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.poll.PollListener;
import dev.tally.poll.Poller;
import dev.tally.poll.Scheduler;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.poll.BalanceFetcher;
import dev.tally.secret.KeyResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The running engine, headless: the poller plus what happens after every poll — the result goes to the
 * history, then through the alert rules to the {@link Notifier}, then to any other listeners (the widget).
 * Used by {@code tally watch} and by the desktop app, which both start its {@linkplain #startHousekeeping
 * housekeeping}: accounts and keys changed by the command line are picked up within seconds, and old
 * history is folded once a day. Threads: see {@link Poller}; housekeeping runs on the executor given to it.
 */
public final class Engine implements AutoCloseable {
    /** Enough for every account of a typical user at once; still a bound against storms. */
    public static final int MAX_CONCURRENT_REQUESTS = 10;
    /** How often the housekeeping looks at accounts.json and at the keys of paused accounts. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** How often the housekeeping folds old history ({@link HistoryWriter#applyRetention}). */
    public static final Duration RETENTION_EVERY = Duration.ofHours(24);
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    /** Told that accounts.json changed and was read again. */
    @FunctionalInterface
    public interface AccountsListener {
        /** Called on the housekeeping executor; {@code warning} is a one-line problem with the file, if any. */
        void accountsReloaded(List<Account> accounts, Optional<String> warning);
    }

    /**
     * What the engine works with, each handed in by the composition root.
     *
     * @param history the writable history, opened on first use (blocking; may throw)
     * @param alerts  the alert rules, built on first use (their marks live in the history)
     * @param raised  told what the rules raised after the notifier (the alert hooks), on the fetch thread
     */
    public record Services(AccountStore accounts, ProviderCatalog catalog, BalanceFetcher fetcher, KeyResolver keys,
                           Supplier<HistoryStore> history, Supplier<AlertRules> alerts, OutcomeRecorder recorder,
                           Clock clock, RaisedListener raised) {
        /** Without anyone listening to what the rules raised. */
        public Services(AccountStore accounts, ProviderCatalog catalog, BalanceFetcher fetcher, KeyResolver keys,
                        Supplier<HistoryStore> history, Supplier<AlertRules> alerts, OutcomeRecorder recorder,
                        Clock clock) {
            this(accounts, catalog, fetcher, keys, history, alerts, recorder, clock, RaisedListener.NONE);
        }

        public Services {
            Objects.requireNonNull(raised);
            Objects.requireNonNull(accounts);
            Objects.requireNonNull(catalog);
            Objects.requireNonNull(fetcher);
            Objects.requireNonNull(keys);
            Objects.requireNonNull(history);
            Objects.requireNonNull(alerts);
            Objects.requireNonNull(recorder);
            Objects.requireNonNull(clock);
        }
    }

    private final Services services;
    private final Notifier notifier;
    private final Scheduler scheduler;
    private final Poller poller;
    private final List<PollListener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Account> accounts = List.of();
    private volatile boolean spendChecks;
    /** Serialises reading accounts.json into the poller, from any caller. */
    private final Object reloadLock = new Object();
    /** Digest of accounts.json as last read; {@code null} before the first read. */
    private byte[] accountsDigest;
    /**
     * Digest of the keys an account had when it was paused for its key (rejected, lacking permission, or
     * none): a different digest later means the key was changed and is worth a try. Only digests, never keys.
     */
    private final Map<String, String> pausedKeys = new ConcurrentHashMap<>();
    private final List<Repeating> repeating = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public Engine(Services services, Notifier notifier, Scheduler scheduler, Executor fetchExecutor) {
        this.services = services;
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.poller = new Poller(services.fetcher(), scheduler, fetchExecutor, services.clock(), new Random(), MAX_CONCURRENT_REQUESTS);
        poller.addListener(this::afterPoll);
    }

    public Poller poller() {
        return poller;
    }

    public void addListener(PollListener l) {
        listeners.add(l);
    }

    public List<Account> accounts() {
        return accounts;
    }

    /**
     * Reads accounts.json and (re)starts polling them; last good snapshots come from the history so a
     * restart shows numbers at once (marked stale until the first poll). Blocking (file + SQLite).
     *
     * @return a one-line warning about the accounts file, if any
     */
    public Optional<String> reload() {
        synchronized (reloadLock) {
            accountsDigest = accountsFileDigest();
            AccountStore.Loaded loaded = services.accounts().load();
            accounts = loaded.accounts();
            List<FetchTarget> targets = new ArrayList<>();
            Map<String, BalanceSnapshot> lastGood = new HashMap<>();
            for (Account a : accounts) {
                ProviderInfo info = services.catalog().find(a.provider().value()).orElse(null);
                if (info == null) {
                    continue;
                }
                targets.add(FetchTarget.of(a, info));
                try {
                    services.history().get().reader().lastSnapshot(a.id()).ifPresent(s -> lastGood.put(a.id(), s));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "no history for " + a.id(), e);
                }
            }
            poller.setTargets(targets, lastGood);
            pausedKeys.keySet().retainAll(targets.stream().map(FetchTarget::id).toList());
            return loaded.warning();
        }
    }

    /**
     * Starts the housekeeping: every {@code checkEvery}, {@link #checkForChanges()}; every
     * {@link #RETENTION_EVERY}, {@link #applyRetention()}. The scheduler only hands the work to {@code io},
     * where it runs one at a time per kind; the next run is scheduled when one ends. Stopped by {@link #close()}.
     *
     * @param io       runs the blocking work (file, keychain, SQLite); never a UI thread
     * @param listener told on {@code io} when accounts.json changed and was read again
     */
    public void startHousekeeping(Executor io, Duration checkEvery, AccountsListener listener) {
        repeat(io, checkEvery, () -> {
            Changes c = checkForChanges();
            if (c.accountsReloaded()) {
                listener.accountsReloaded(accounts, c.warning());
            }
        });
        repeat(io, RETENTION_EVERY, this::applyRetention);
    }

    /**
     * Picks up what other processes changed (e.g. {@code tally accounts edit}, {@code tally keys set}): re-reads
     * accounts.json when its contents changed, so added accounts are polled, removed ones stop and edited ones
     * — paused ones too — are asked again with their new settings; and retries every account paused for its
     * key whose key has changed since. Blocking (file, keychain); thread-safe.
     *
     * @return what was done
     */
    public Changes checkForChanges() {
        boolean reloaded = false;
        Optional<String> warning = Optional.empty();
        synchronized (reloadLock) {
            if (accountsDigest == null || !Arrays.equals(accountsDigest, accountsFileDigest())) {
                warning = reload();
                reloaded = true;
            }
        }
        List<String> retried = new ArrayList<>();
        for (AccountState s : poller.states()) {
            String id = s.target().id();
            if (!s.paused() || !pausedForKey(s.lastError()) || s.target().accountId() == null) {
                continue;
            }
            String now = keyDigest(s.target());
            String then = pausedKeys.putIfAbsent(id, now);
            if (then != null && !then.equals(now)) {
                pausedKeys.remove(id);
                LOG.log(System.Logger.Level.INFO, "the key of {0} changed; asking again", id);
                poller.keyChanged(id);
                retried.add(id);
            }
        }
        return new Changes(reloaded, warning, retried);
    }

    /**
     * What {@link #checkForChanges()} did.
     *
     * @param accountsReloaded accounts.json had changed and was read again
     * @param warning          a one-line problem with that file, if any
     * @param retried          ids of paused accounts whose key changed and which are being asked again
     */
    public record Changes(boolean accountsReloaded, Optional<String> warning, List<String> retried) {
        public Changes {
            retried = List.copyOf(retried);
        }
    }

    /** Folds old history into daily rows; call at start and about once a day. Blocking. */
    public void applyRetention() {
        try {
            HistoryWriter h = services.history().get().writer();
            h.applyRetention(services.clock().instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "history retention failed", e);
        }
    }

    private void afterPoll(FetchOutcome outcome, AccountState state) {
        services.recorder().record(outcome, HistoryStore.SOURCE_POLL);
        FetchTarget t = outcome.target();
        if (state.paused() && pausedForKey(state.lastError()) && t.accountId() != null) {
            // remember which keys were refused, so a changed key (e.g. 'tally keys set') is noticed and tried
            try {
                pausedKeys.put(t.id(), keyDigest(t));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot look up the key of " + t.id() + ": " + e.getMessage());
            }
        } else {
            pausedKeys.remove(t.id());
        }
        if (t.accountId() != null) {
            try {
                AlertRules.Result raised = switch (outcome) {
                    case FetchOutcome.Success ok -> services.alerts().get().evaluateSuccess(t.accountId(), t.label(),
                            t.account() == null ? null : t.account().threshold(), ok.snapshot());
                    case FetchOutcome.Failure f -> services.alerts().get().evaluateFailure(t.accountId(), t.label(),
                            f.error(), state.failures());
                };
                List<Alert> estimated = List.of();
                if (outcome instanceof FetchOutcome.Success ok && t.account() != null
                        && EstimatedBalance.of(t.account().topUp(), ok.snapshot().spend()) instanceof EstimatedBalance.Known e) {
                    estimated = services.alerts().get().onEstimate(t.accountId(), t.label(), t.account().threshold(),
                            e.amount(), ok.snapshot().fetchedAt());
                }
                if (outcome instanceof FetchOutcome.Success ok && spendChecks) {
                    estimated = new java.util.ArrayList<>(estimated);
                    estimated.addAll(spendChecks(t, ok));
                }
                if (!estimated.isEmpty()) {
                    List<Alert> all = new java.util.ArrayList<>(raised.alerts());
                    all.addAll(estimated);
                    raised = new AlertRules.Result(all, raised.transitions());
                }
                raised.alerts().forEach(notifier::notify);
                if (!raised.alerts().isEmpty() || !raised.transitions().isEmpty()) {
                    services.raised().raised(t.info().id().value(), raised);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "alert rules failed for " + t.accountId(), e);
            }
        }
        for (PollListener l : listeners) {
            try {
                l.onPoll(outcome, state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "listener failed", e);
            }
        }
    }

    /**
     * Turns the check of balance drops against reported usage into alerts ({@link Alert.SpendDisagrees}), for
     * accounts whose provider reports both (OpenRouter with both keys); off by default. Any thread.
     */
    public void checkSpend(boolean on) {
        spendChecks = on;
    }

    /** The spend check's alerts after a successful poll, from the history just written. Blocking (SQLite). */
    private List<Alert> spendChecks(FetchTarget t, FetchOutcome.Success ok) {
        List<Alert> out = new java.util.ArrayList<>();
        Instant now = ok.snapshot().fetchedAt();
        dev.tally.history.HistoryReader reader = services.history().get().reader();
        for (String currency : reader.currencies(t.accountId())) {
            dev.tally.history.Reconciliation r = dev.tally.history.Reconciliation.recent(reader, t.accountId(), currency, now);
            if (r == null) {
                continue;
            }
            out.addAll(services.alerts().get().onSpendCheck(t.accountId(), t.label(), r.decided() ? r.disagrees() : null,
                    new dev.tally.core.Money(r.difference().abs(), currency), r.since() == null ? now : r.since(), now));
        }
        return out;
    }

    private static boolean pausedForKey(FetchError e) {
        return e instanceof FetchError.AuthFailed || e instanceof FetchError.Forbidden || e instanceof FetchError.NoKey;
    }

    /** SHA-256 of the account's keys (keychain, then environment), to notice a change without keeping them. */
    private String keyDigest(FetchTarget t) {
        Credentials creds = services.keys().credentials(t.info(), t.accountId());
        MessageDigest md = sha256();
        for (KeySlot slot : t.info().keySlots()) {
            creds.get(slot.name()).ifPresent(k -> {
                md.update(slot.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(k.reveal().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** Digest of accounts.json's bytes; empty for a missing file, {@code null}-free. Blocking. */
    private byte[] accountsFileDigest() {
        try {
            return sha256().digest(Files.readAllBytes(services.accounts().file()));
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            // unreadable now: keep what we have rather than dropping every account
            LOG.log(System.Logger.Level.WARNING, "cannot read " + services.accounts().file() + ": " + e.getMessage());
            return accountsDigest == null ? new byte[0] : accountsDigest;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Runs {@code work} on {@code io} every {@code period}, the next run scheduled when one ends. */
    private void repeat(Executor io, Duration period, Runnable work) {
        Repeating r = new Repeating(io, period, work);
        repeating.add(r);
        r.scheduleNext();
    }

    /** One housekeeping chore: one run at a time, the next scheduled when one ends. */
    private final class Repeating {
        private final Executor io;
        private final Duration period;
        private final Runnable work;
        private volatile Scheduler.Cancellable timer;

        Repeating(Executor io, Duration period, Runnable work) {
            this.io = io;
            this.period = period;
            this.work = work;
        }

        void scheduleNext() {
            if (!closed) {
                timer = scheduler.schedule(period, this::handOver);
            }
        }

        /** On the scheduler's thread, which must stay free: the work itself runs on io. */
        private void handOver() {
            if (closed) {
                return;
            }
            try {
                io.execute(this::run);
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "housekeeping stopped: its executor is shut down");
            }
        }

        private void run() {
            try {
                if (!closed) {
                    work.run();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "housekeeping failed", e);
            } finally {
                scheduleNext();
            }
        }

        void cancel() {
            Scheduler.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }

    /** Stops polling and the housekeeping. */
    @Override
    public void close() {
        closed = true;
        repeating.forEach(Repeating::cancel);
        poller.close();
    }
}
