package dev.tally.poll;

import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.provider.BalanceProvider;
import dev.tally.provider.Credentials;
import dev.tally.provider.FetchContext;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderTarget;
import dev.tally.secret.KeyResolver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs fetches now. Never throws for a provider problem: every target gets an outcome. Blocking; runs
 * several targets at once on virtual threads. Never call on a UI thread.
 */
public final class BalanceFetcher {
    private static final System.Logger LOG = System.getLogger(BalanceFetcher.class.getName());

    private final ProviderCatalog catalog;
    private final KeyResolver keys;
    private final Supplier<HttpFetch> http;
    private final Clock clock;

    public BalanceFetcher(ProviderCatalog catalog, KeyResolver keys, HttpFetch http, Clock clock) {
        this(catalog, keys, () -> http, clock);
    }

    /** {@code http} is asked for only when a request is actually made. */
    public BalanceFetcher(ProviderCatalog catalog, KeyResolver keys, Supplier<HttpFetch> http, Clock clock) {
        this.catalog = catalog;
        this.keys = keys;
        this.http = http;
        this.clock = clock;
    }

    /**
     * Fetches one target with the keys stored for it (key command, keychain, then environment). When the provider
     * refuses a key a key command printed (401/403), the command is run again once and the fetch repeated: the
     * password manager may hold a newer key than the one kept in memory.
     */
    public FetchOutcome fetch(FetchTarget t) {
        FetchOutcome first = fetchWithStoredKeys(t);
        if (first instanceof FetchOutcome.Failure f && refused(f.error()) && keys.forgetCommandKeys(t.accountId())) {
            LOG.log(System.Logger.Level.INFO, "{0}: the key from its key command was refused; running the command again",
                    t.id());
            return fetchWithStoredKeys(t);
        }
        return first;
    }

    private static boolean refused(FetchError e) {
        return e instanceof FetchError.AuthFailed || e instanceof FetchError.Forbidden;
    }

    private FetchOutcome fetchWithStoredKeys(FetchTarget t) {
        if (!t.info().supported()) {
            return unsupported(t);
        }
        Credentials creds = keys.credentials(t.info(), t.accountId());
        if (creds.isEmpty()) {
            Optional<dev.tally.secret.KeyCommandRunner.Failed> command = keys.commandFailure(t.info(), t.accountId());
            if (command.isPresent()) {
                // a timeout (a locked password manager, a fingerprint not given) is asked again later; a broken
                // command waits for the account's settings to change, like a missing key
                String m = "no key for " + t.label() + ": " + command.get().message()
                        + " — fix it or change it with 'tally keys command " + t.accountId() + " -- …'";
                return new FetchOutcome.Failure(t, clock.instant(), command.get().timedOut()
                        ? new FetchError.Timeout(m) : new FetchError.NoKey(m));
            }
            return new FetchOutcome.Failure(t, clock.instant(), new FetchError.NoKey(noKeyMessage(t, true)));
        }
        return fetch(t, creds);
    }

    /**
     * Fetches one target with exactly these keys instead of looking them up, e.g. a key typed into the settings
     * dialog and not saved yet. A team id missing from the target is still taken from the environment.
     */
    public FetchOutcome fetch(FetchTarget t, Credentials creds) {
        if (!t.info().supported()) {
            return unsupported(t);
        }
        Optional<BalanceProvider> provider = catalog.provider(t.info().id());
        if (provider.isEmpty()) {
            return new FetchOutcome.Failure(t, clock.instant(),
                    new FetchError.Unsupported("unknown provider " + t.info().id()));
        }
        if (creds.isEmpty()) {
            return new FetchOutcome.Failure(t, clock.instant(), new FetchError.NoKey(noKeyMessage(t, false)));
        }
        ProviderTarget target = t.target();
        if (t.info().needsTeamId() && target.teamId() == null) {
            target = target.withTeamId(keys.env(t.info().teamIdEnvVar()).orElse(null));
        }
        try {
            FetchContext ctx = new FetchContext(t.info(), target, creds, http.get(), clock);
            return new FetchOutcome.Success(t, clock.instant(), provider.get().fetch(ctx));
        } catch (FetchException e) {
            LOG.log(System.Logger.Level.INFO, "{0}: {1} — {2}", t.id(), e.error().status().jsonName(), e.getMessage());
            return new FetchOutcome.Failure(t, clock.instant(), e.error());
        } catch (RuntimeException e) {
            // a provider bug must not take the app down or look like a balance; the class name is safe to show
            LOG.log(System.Logger.Level.WARNING, "{0}: unexpected {1}", t.id(), e.getClass().getName());
            return new FetchOutcome.Failure(t, clock.instant(), new FetchError.BadResponse(
                    "could not read the answer (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private FetchOutcome unsupported(FetchTarget t) {
        return new FetchOutcome.Failure(t, clock.instant(), new FetchError.Unsupported(
                "balance check not supported — " + t.info().unsupportedReason()));
    }

    /** Fetches all targets concurrently; outcomes come back in the same order. */
    public List<FetchOutcome> fetchAll(List<FetchTarget> targets) {
        if (targets.size() == 1) {
            return List.of(fetch(targets.getFirst()));
        }
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchOutcome>> futures = new ArrayList<>();
            for (FetchTarget t : targets) {
                futures.add(ex.submit(() -> fetch(t)));
            }
            List<FetchOutcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new FetchOutcome.Failure(targets.get(i), clock.instant(),
                            new FetchError.BadResponse("internal error")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new FetchOutcome.Failure(targets.get(i), clock.instant(),
                            new FetchError.NetworkError("cancelled")));
                }
            }
            return out;
        }
    }

    private static String noKeyMessage(FetchTarget t) {
        List<String> vars = t.info().keySlots().stream().map(s -> s.envVar()).toList();
        String where = t.accountId() == null
                ? "set " + String.join(" or ", vars)
                : "run 'tally keys set " + t.accountId() + "' or set " + String.join(" or ", vars);
        return "no key for " + t.label() + " — " + where;
    }

    private String noKeyMessage(FetchTarget t, boolean askKeychain) {
        String base = noKeyMessage(t);
        if (!askKeychain || t.accountId() == null) {
            return base;
        }
        return keys.keychainProblem().map(p -> base + " (" + p + ")").orElse(base);
    }
}
