package dev.tally.app;

import dev.tally.account.AccountStore;
import dev.tally.alert.AlertRules;
import dev.tally.core.AccountStatus;
import dev.tally.history.HistoryStore;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.BalanceFetcher;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.Proxies;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.SecretStore;
import dev.tally.secret.UnavailableSecretStore;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

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
                    : KeyringSecretStore.open(KeyringSecretStore.DEFAULT_TIMEOUT, env);
        }
        return secrets;
    }

    /** The SQLite history in the data dir, opened (and migrated) on first use. Blocking. */
    public synchronized HistoryStore history() {
        if (history == null) {
            history = HistoryStore.open(dirs.historyDb());
        }
        return history;
    }

    /** Alert rules whose state lives in the history database. */
    public synchronized AlertRules alertRules() {
        if (alertRules == null) {
            alertRules = new AlertRules(history(), AlertRules.DEFAULT_BAND, clock);
        }
        return alertRules;
    }

    /**
     * Stores what a fetch of a configured account found (ad-hoc provider checks are not accounts and are
     * not stored). Never throws: a history problem is logged and returned as a one-line warning.
     *
     * @param source who fetched it: {@link HistoryStore#SOURCE_POLL} (the background poller) or
     *               {@link HistoryStore#SOURCE_CLI} (a command such as {@code tally balance})
     */
    public Optional<String> recordOutcome(FetchOutcome outcome, String source) {
        String id = outcome.target().accountId();
        if (id == null) {
            return Optional.empty();
        }
        try {
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
            LOG.log(System.Logger.Level.WARNING, "could not record history for " + id, e);
            return Optional.of("could not save history to " + dirs.historyDb() + ": " + e.getMessage());
        }
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
