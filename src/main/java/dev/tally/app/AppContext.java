package dev.tally.app;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.account.PreferencesStore;
import dev.tally.alert.AlertRules;
import dev.tally.engine.AdHocChecks;
import dev.tally.engine.Engine;
import dev.tally.engine.OutcomeRecorder;
import dev.tally.history.HistoryAccess;
import dev.tally.history.HistoryStore;
import dev.tally.hooks.HookDispatcher;
import dev.tally.hooks.HookRunner;
import dev.tally.hooks.HookStore;
import dev.tally.poll.BalanceFetcher;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.Proxies;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyCommandRunner;
import dev.tally.secret.KeyCommands;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.KeychainWaits;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.SecretStore;
import dev.tally.secret.UnavailableSecretStore;
import dev.tally.status.CommandLineText;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root: builds every service once, by constructor injection, and hands them out; it holds no
 * policy of its own. Cheap to build (no I/O until a service is used), so the command line pays only for what a
 * command touches. Thread-safe.
 */
public final class AppContext implements AutoCloseable {
    private final AppDirs dirs;
    private final Clock clock;
    private final Map<String, String> env;
    private final ProviderCatalog catalog;
    private final AccountStore accounts;
    private final PreferencesStore preferences;
    private final KeyResolver keys;
    private HttpFetch http;
    private SecretStore secrets;
    private final HistoryAccess historyAccess;
    private final OutcomeRecorder recorder;
    private final AdHocChecks adHoc;
    private AlertRules alertRules;
    private BalanceFetcher fetcher;
    private final HookStore hookStore;
    private HookDispatcher hooks;
    /** How long the keychain is waited for: background work unless {@link #forCommands} says otherwise. */
    private KeychainWaits keychainWaits;
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
        this.preferences = new PreferencesStore(dirs.config(), clock);
        this.keys = new KeyResolver(env, this::secrets, keyCommands(accounts, env, clock));
        this.historyAccess = new HistoryAccess(dirs.historyDb(), clock);
        this.recorder = new OutcomeRecorder(accounts, this::history,
                // the history is a record: English whatever language the front end speaks
                e -> dev.tally.core.Messages.inEnglish(() -> CommandLineText.message(e)));
        this.adHoc = new AdHocChecks(catalog, env);
        this.hookStore = new HookStore(dirs.config());
        this.keychainWaits = KeychainWaits.from(env, KeychainWaits.BACKGROUND);
    }

    /**
     * For a command a person started: the keychain is waited for longer ({@link KeychainWaits#USER}, or
     * {@code TALLY_KEYCHAIN_WAIT}), and {@code stillWaiting} runs once when it takes more than a second. Call before
     * the keychain is first used.
     */
    public synchronized void forCommands(Runnable stillWaiting) {
        this.keychainWaits = KeychainWaits.from(env, KeychainWaits.USER);
        this.keychainSlow = stillWaiting;
    }

    /**
     * The accounts' key commands, read from accounts.json at each lookup (so {@code tally keys command} takes effect
     * at once); {@code TALLY_KEY_COMMAND_TIMEOUT} (seconds) replaces the 30 s timeout.
     */
    private static KeyCommands keyCommands(AccountStore accounts, Map<String, String> env, Clock clock) {
        Duration timeout = seconds(env.get("TALLY_KEY_COMMAND_TIMEOUT"), KeyCommandRunner.DEFAULT_TIMEOUT);
        return new KeyCommands(id -> accounts.load().find(id).map(Account::keyCommands).orElse(Map.of()),
                new KeyCommandRunner(env, timeout), KeyCommands.DEFAULT_TTL, clock);
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

    /** settings.json: the widget's general preferences. */
    public PreferencesStore preferences() {
        return preferences;
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

    /** Opens the SQLite history in the data dir and says which one a caller gets (see {@link HistoryAccess}). */
    public HistoryAccess historyAccess() {
        return historyAccess;
    }

    /** {@link HistoryAccess#writable()}: the history, opened on first use. Blocking. */
    public HistoryStore history() {
        return historyAccess.writable();
    }

    /** {@link HistoryAccess#readable()}: the history for commands that only read it. Blocking. */
    public HistoryStore readHistory() {
        return historyAccess.readable();
    }

    /** {@link HistoryAccess#onNotice}: where one-line notices about the history file go. */
    public void onHistoryNotice(Consumer<String> sink) {
        historyAccess.onNotice(sink);
    }

    /** Alert rules whose state lives in the history database. */
    public synchronized AlertRules alertRules() {
        if (alertRules == null) {
            alertRules = new AlertRules(history().alertMarks(), AlertRules.DEFAULT_BAND, clock);
        }
        return alertRules;
    }

    /** Stores what fetches found, for the engine and the command line alike. */
    public OutcomeRecorder recorder() {
        return recorder;
    }

    /** Which history ids belong to ad-hoc environment-key checks, and how they are labelled. */
    public AdHocChecks adHoc() {
        return adHoc;
    }

    /** What the engine is built from; every part is built lazily by this context. The alert hooks listen to it. */
    public Engine.Services engineServices() {
        return new Engine.Services(accounts, catalog, fetcher(), keys, this::history, this::alertRules, recorder, clock,
                (provider, result) -> hooks().raised(provider, result));
    }

    /** hooks.json: the alert hooks. */
    public HookStore hookStore() {
        return hookStore;
    }

    /**
     * Runs the alert hooks for what the engine's alert rules raise; built on first use. {@code TALLY_HOOK_TIMEOUT}
     * (seconds) replaces the 10 s a hook may take.
     */
    public synchronized HookDispatcher hooks() {
        if (hooks == null) {
            hooks = new HookDispatcher(hookStore, new HookRunner(env, seconds(env.get("TALLY_HOOK_TIMEOUT"),
                    HookRunner.DEFAULT_TIMEOUT)), clock);
        }
        return hooks;
    }

    private static Duration seconds(String text, Duration otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(text.strip())));
        } catch (NumberFormatException e) {
            return otherwise;
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
        if (hooks != null) {
            // let a hook that was just started finish (briefly): the alert that ran it is already recorded
            hooks.close(2);
            hooks = null;
        }
        historyAccess.close();
    }

    public synchronized BalanceFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new BalanceFetcher(catalog, keys, this::http, clock);
        }
        return fetcher;
    }
}
