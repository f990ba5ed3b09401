package dev.tally.engine;

import dev.tally.account.AccountStore;
import dev.tally.core.AccountStatus;
import dev.tally.core.FetchError;
import dev.tally.history.HistoryStore;
import dev.tally.history.HistoryWriter;
import dev.tally.poll.FetchOutcome;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stores what a fetch found, for the engine's polls and the command line's checks alike. Thread-safe; blocking
 * (SQLite, accounts.json for ad-hoc checks).
 */
public final class OutcomeRecorder {
    private static final System.Logger LOG = System.getLogger(OutcomeRecorder.class.getName());

    private final AccountStore accounts;
    private final Supplier<HistoryStore> history;
    private final Function<FetchError, String> words;

    /**
     * @param history the writable history, opened on first use; may throw {@link dev.tally.history.HistoryException}
     * @param words   how a failure is worded in the history, advice included ({@code tally status} shows it)
     */
    public OutcomeRecorder(AccountStore accounts, Supplier<HistoryStore> history, Function<FetchError, String> words) {
        this.accounts = accounts;
        this.history = history;
        this.words = words;
    }

    /**
     * Stores what a fetch found. A configured account's results go under its id. An ad-hoc check of a provider
     * with a key from the environment ({@code tally balance deepseek} with no account) goes under the provider id
     * — unless a configured account has that id — so {@code tally history deepseek} and {@code tally status} find
     * it; its failures are stored only once it has a history (a mistyped check leaves nothing behind). Never
     * throws: a history problem is logged and returned as a one-line warning.
     *
     * @param source who fetched it: {@link HistoryStore#SOURCE_POLL} (the background poller) or
     *               {@link HistoryStore#SOURCE_CLI} (a command such as {@code tally balance})
     */
    public Optional<String> record(FetchOutcome outcome, String source) {
        String id = outcome.target().accountId();
        try {
            if (id == null) {
                id = adHocHistoryId(outcome);
                if (id == null) {
                    return Optional.empty();
                }
            }
            HistoryWriter h = history.get().writer();
            switch (outcome) {
                case FetchOutcome.Success ok -> {
                    h.recordSnapshot(id, ok.snapshot(), source);
                    h.recordOutcome(id, outcome.at(), AccountStatus.OK, null);
                }
                case FetchOutcome.Failure f -> h.recordOutcome(id, outcome.at(), f.error().status(), words.apply(f.error()));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record history for " + outcome.target().id(), e);
            return Optional.of(e.getMessage() + " — balances are shown but not recorded");
        }
    }

    /** The history id of an ad-hoc check (its provider id), or {@code null} when it is not to be stored. */
    private String adHocHistoryId(FetchOutcome outcome) {
        String id = outcome.target().info().id().value();
        if (accounts.load().find(id).isPresent()) {
            return null;
        }
        if (outcome instanceof FetchOutcome.Failure && !history.get().reader().accounts().contains(id)) {
            return null;
        }
        return id;
    }
}
