package dev.tally.app;

import dev.tally.account.AccountStore;
import dev.tally.alert.AlertRules;
import dev.tally.core.AccountStatus;
import dev.tally.history.HistoryException;
import dev.tally.history.HistoryStore;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.BalanceFetcher;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.Proxies;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.SecretStore;
import dev.tally.secret.UnavailableSecretStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: builds every service once, by constructor injection. Cheap to build (no I/O
 * until a service is used), so the command line pays only for what a command touches.
 */
public final class AppContext implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppContext.class.getName());

    private final AppDirs dirs;
    private final Clock clock;
    private final Map<String, String> env;
    private final ProviderCatalog catalog;
    private final AccountStore accounts;
    private final KeyResolver keys;
    private HttpFetch http;
    private SecretStore secrets;
    private HistoryStore history;
    private AlertRules alertRules;
    private BalanceFetcher fetcher;
    /** Notices about the history file not yet passed on; guards {@link #noticeSink} too. */
    private final List<String> notices = new ArrayList<>();
    private Consumer<String> noticeSink;
    /** How long the keychain is waited for: background work unless {@link #forCommands} says otherwise. */
    private KeyringSecretStore.Waits keychainWaits;
    private Runnable keychainSlow;

    public AppContext(AppDirs dirs, Map<String, String> env, Clock clock) {
        this(dirs, env, clock, null);
    }

    /** @param keychain the secret store to use instead of the OS keychain (tests), or {@code null} for the OS one */
    public AppContext(AppDirs dirs, Map<String, String> env, Clock clock, SecretStore keychain) {
        this.secrets = keychain;
        this.dirs = dirs;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.catalog = ProviderCatalog.standard();
        this.accounts = new AccountStore(dirs.config(), clock);
        this.keys = new KeyResolver(env, this::secrets);
        this.keychainWaits = KeyringSecretStore.Waits.from(env, KeyringSecretStore.Waits.BACKGROUND);
    }

    /**
     * For a command a person started: the keychain is waited for longer ({@link KeyringSecretStore.Waits#USER}, or
     * {@code TALLY_KEYCHAIN_WAIT}), and {@code stillWaiting} runs once when it takes more than a second. Call before
     * the keychain is first used.
     */
    public synchronized void forCommands(Runnable stillWaiting) {
        this.keychainWaits = KeyringSecretStore.Waits.from(env, KeyringSecretStore.Waits.USER);
        this.keychainSlow = stillWaiting;
    }

    public AppDirs dirs() {
        return dirs;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    public ProviderCatalog catalog() {
        return catalog;
    }

    /** Built on first use: creating the HTTP client initialises TLS, which commands without a fetch skip. */
    public synchronized HttpFetch http() {
        if (http == null) {
            http = new HttpFetch(Version.current(), Proxies.fromEnvironment(env, java.net.ProxySelector.getDefault()));
        }
        return http;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public KeyResolver keys() {
        return keys;
    }

    /**
     * The OS keychain, opened (and probed) on first use; an explanation instead when there is none.
     * {@code TALLY_KEYCHAIN=off} turns it off (portable installs, tests of the fallback).
     */
    public synchronized SecretStore secrets() {
        if (secrets == null) {
            secrets = "off".equalsIgnoreCase(env.get("TALLY_KEYCHAIN"))
                    ? new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off")
                    : KeyringSecretStore.open(keychainWaits, env, keychainSlow);
        }
        return secrets;
    }

    /**
     * The SQLite history in the data dir, opened (and migrated) on first use. A damaged file is set aside and a
     * fresh one started, which is told to {@link #onHistoryNotice}. Blocking.
     *
     * @throws dev.tally.history.HistoryException when it cannot be opened, e.g. its folder is not writable
     */
    public synchronized HistoryStore history() {
        if (history == null) {
            history = HistoryStore.openRecovering(dirs.historyDb(), clock, this::historyNotice);
        }
        return history;
    }

    /**
     * The history for commands that only read it ({@code tally status}, {@code tally history}): {@link #history()}
     * when it can be opened; when its folder cannot be written, the file opened read-only; when there is nothing
     * readable (no file, or a damaged one that could not be set aside), an empty history. Either way the reason
     * goes to {@link #onHistoryNotice} in one line. Blocking.
     *
     * @throws HistoryException when the file was written by a newer Tally or is not a Tally history
     */
    public synchronized HistoryStore readHistory() {
        if (history != null) {
            return history;
        }
        try {
            return history();
        } catch (HistoryException e) {
            if (e.kind() != HistoryException.Kind.UNWRITABLE && e.kind() != HistoryException.Kind.DAMAGED) {
                throw e;
            }
            try {
                boolean exists = java.nio.file.Files.isRegularFile(dirs.historyDb());
                history = HistoryStore.openReadOnly(dirs.historyDb());
                historyNotice(e.getMessage() + (exists ? "; showing it read-only (nothing new is recorded)"
                        : "; there is no history to show"));
            } catch (HistoryException ro) {
                if (ro.kind() == HistoryException.Kind.NEWER || ro.kind() == HistoryException.Kind.FOREIGN) {
                    throw ro;
                }
                history = HistoryStore.empty(dirs.historyDb());
                historyNotice(e.getMessage() + "; showing no history");
            }
            return history;
        }
    }

    /**
     * Where one-line notices about the history file go (a damaged file set aside, a read-only folder): the
     * command line prints them, the widget shows them. Notices from before this call are passed on now; without
     * a receiver they are only logged. Any thread; {@code sink} is called on the thread that used the history.
     */
    public void onHistoryNotice(Consumer<String> sink) {
        List<String> pending;
        synchronized (notices) {
            noticeSink = sink;
            pending = List.copyOf(notices);
            notices.clear();
        }
        pending.forEach(sink);
    }

    private void historyNotice(String text) {
        LOG.log(System.Logger.Level.WARNING, text);
        Consumer<String> sink;
        synchronized (notices) {
            sink = noticeSink;
            if (sink == null) {
                notices.add(text);
                return;
            }
        }
        sink.accept(text);
    }

    /** Alert rules whose state lives in the history database. */
    public synchronized AlertRules alertRules() {
        if (alertRules == null) {
            alertRules = new AlertRules(history(), AlertRules.DEFAULT_BAND, clock);
        }
        return alertRules;
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
    public Optional<String> recordOutcome(FetchOutcome outcome, String source) {
        String id = outcome.target().accountId();
        try {
            if (id == null) {
                id = adHocHistoryId(outcome);
                if (id == null) {
                    return Optional.empty();
                }
            }
            HistoryStore h = history();
            switch (outcome) {
                case FetchOutcome.Success ok -> {
                    h.recordSnapshot(id, ok.snapshot(), source);
                    h.recordOutcome(id, outcome.at(), AccountStatus.OK, null);
                }
                case FetchOutcome.Failure f -> h.recordOutcome(id, outcome.at(), f.error().status(), f.error().message());
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
        if (outcome instanceof FetchOutcome.Failure && !history().accounts().contains(id)) {
            return null;
        }
        return id;
    }

    /**
     * The provider whose ad-hoc checks {@link #recordOutcome} stores under {@code historyId}, when that id is a
     * provider id (exactly, not an alias); whether something is stored under it is the history's to say.
     */
    public Optional<ProviderInfo> adHocProvider(String historyId) {
        return catalog().find(historyId).filter(i -> i.id().value().equals(historyId));
    }

    /** How the history of an ad-hoc check is labelled: "DeepSeek (from DEEPSEEK_API_KEY)". */
    public String adHocLabel(ProviderInfo info) {
        return info.displayName() + " (from " + keyVariable(info) + ")";
    }

    /**
     * The environment variable an ad-hoc provider's key comes from, for labels such as "DeepSeek (from
     * DEEPSEEK_API_KEY)": the first of its key variables that is set, else the first one.
     */
    public String keyVariable(ProviderInfo info) {
        return info.keySlots().stream().map(KeySlot::envVar).filter(v -> v != null && env.get(v) != null
                && !env.get(v).isBlank()).findFirst()
                .orElse(info.keySlots().isEmpty() ? "its key variable" : info.keySlots().getFirst().envVar());
    }

    /** Releases the HTTP client, the keychain connection and the history database; idempotent. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
        if (secrets != null) {
            secrets.close();
            secrets = null;
        }
        if (history != null) {
            history.close();
            history = null;
        }
    }

    public synchronized BalanceFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new BalanceFetcher(catalog, keys, this::http, clock);
        }
        return fetcher;
    }
}
