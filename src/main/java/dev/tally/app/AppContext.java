package dev.tally.app;

import dev.tally.account.AccountStore;
import dev.tally.poll.BalanceFetcher;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.SecretStore;
import dev.tally.secret.UnavailableSecretStore;

import java.time.Clock;
import java.util.Map;

/**
 * The composition root: builds every service once, by constructor injection. Cheap to build (no I/O
 * until a service is used), so the command line pays only for what a command touches.
 */
public final class AppContext implements AutoCloseable {
    private final AppDirs dirs;
    private final Clock clock;
    private final Map<String, String> env;
    private final ProviderCatalog catalog;
    private final AccountStore accounts;
    private final KeyResolver keys;
    private HttpFetch http;
    private SecretStore secrets;
    private BalanceFetcher fetcher;

    public AppContext(AppDirs dirs, Map<String, String> env, Clock clock) {
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
            http = new HttpFetch(Version.current());
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
                    : KeyringSecretStore.open(KeyringSecretStore.DEFAULT_TIMEOUT);
        }
        return secrets;
    }

    /** Releases the keychain connection; idempotent. */
    @Override
    public synchronized void close() {
        if (secrets != null) {
            secrets.close();
        }
    }

    public synchronized BalanceFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new BalanceFetcher(catalog, keys, this::http, clock);
        }
        return fetcher;
    }
}
