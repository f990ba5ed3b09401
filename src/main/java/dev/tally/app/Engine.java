package dev.tally.app;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.alert.Alert;
import dev.tally.alert.Notifier;
import dev.tally.core.BalanceSnapshot;
import dev.tally.history.HistoryStore;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.poll.PollListener;
import dev.tally.poll.Poller;
import dev.tally.poll.Scheduler;
import dev.tally.provider.ProviderInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The running engine, headless: the poller plus what happens after every poll — the result goes to the
 * history, then through the alert rules to the {@link Notifier}, then to any other listeners (the widget).
 * Used by {@code tally watch} and by the desktop app. Threads: see {@link Poller}.
 */
public final class Engine implements AutoCloseable {
    /** Enough for every account of a typical user at once; still a bound against storms. */
    public static final int MAX_CONCURRENT_REQUESTS = 10;
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final AppContext ctx;
    private final Notifier notifier;
    private final Poller poller;
    private final List<PollListener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Account> accounts = List.of();

    public Engine(AppContext ctx, Notifier notifier, Scheduler scheduler, Executor fetchExecutor) {
        this.ctx = ctx;
        this.notifier = notifier;
        this.poller = new Poller(ctx.fetcher(), scheduler, fetchExecutor, ctx.clock(), new Random(), MAX_CONCURRENT_REQUESTS);
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
        AccountStore.Loaded loaded = ctx.accounts().load();
        accounts = loaded.accounts();
        List<FetchTarget> targets = new ArrayList<>();
        Map<String, BalanceSnapshot> lastGood = new HashMap<>();
        for (Account a : accounts) {
            ProviderInfo info = ctx.catalog().find(a.provider().value()).orElse(null);
            if (info == null) {
                continue;
            }
            targets.add(FetchTarget.of(a, info));
            try {
                ctx.history().lastSnapshot(a.id()).ifPresent(s -> lastGood.put(a.id(), s));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no history for " + a.id(), e);
            }
        }
        poller.setTargets(targets, lastGood);
        return loaded.warning();
    }

    /** Folds old history into daily rows; call at start and about once a day. Blocking. */
    public void applyRetention() {
        try {
            HistoryStore h = ctx.history();
            h.applyRetention(ctx.clock().instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "history retention failed", e);
        }
    }

    private void afterPoll(FetchOutcome outcome, AccountState state) {
        ctx.recordOutcome(outcome, HistoryStore.SOURCE_POLL);
        FetchTarget t = outcome.target();
        if (t.accountId() != null) {
            try {
                List<Alert> alerts = switch (outcome) {
                    case FetchOutcome.Success ok -> ctx.alertRules().onSuccess(t.accountId(), t.label(),
                            t.account() == null ? null : t.account().threshold(), ok.snapshot());
                    case FetchOutcome.Failure f -> ctx.alertRules().onFailure(t.accountId(), t.label(), f.error());
                };
                alerts.forEach(notifier::notify);
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

    @Override
    public void close() {
        poller.close();
    }
}
