package dev.tally.poll;

import dev.tally.core.FetchError;
import dev.tally.core.Text;
import dev.tally.provider.FetchPhrase;
import dev.tally.core.FetchException;
import dev.tally.core.Remedy;
import dev.tally.provider.AccountField;
import dev.tally.provider.BalanceProvider;
import dev.tally.provider.Credentials;
import dev.tally.provider.FetchContext;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderTarget;
import dev.tally.provider.Redactor;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.StoreStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, KeyResolver.Found> found = keys.find(t.info(), t.accountId());
        Credentials creds = KeyResolver.credentials(found);
        if (creds.isEmpty()) {
            Optional<dev.tally.secret.KeyCommandRunner.Failed> command = keys.commandFailure(t.info(), t.accountId());
            if (command.isPresent()) {
                // a timeout (a locked password manager, a fingerprint not given) is asked again later; a broken
                // command waits for the account's settings to change, like a missing key
                Text m = FetchPhrase.KEY_COMMAND_FAILED.text(t.label(), command.get().text(), t.accountId());
                return new FetchOutcome.Failure(t, clock.instant(), command.get().timedOut()
                        ? new FetchError.Timeout(m) : new FetchError.NoKey(m));
            }
            boolean unreadable = found.values().stream().anyMatch(f -> f.source() == KeyResolver.Source.KEYCHAIN_UNREADABLE);
            StoreStatus keychain = unreadable ? keys.keychainStatus() : null;
            if (keychain != null && keychain.state() != StoreStatus.State.LOCKED) {
                // the key is most likely there: not "no key" (wrong advice), and not paused — the next poll asks again
                Object why = keychain.state() == StoreStatus.State.NOT_ANSWERING || !keychain.isAvailable()
                        ? keychain.reason() : FetchPhrase.KEYCHAIN_FAILED_OR_SLOW.text();
                return new FetchOutcome.Failure(t, clock.instant(), new FetchError.Timeout(
                        FetchPhrase.KEYCHAIN_UNREADABLE.text(t.label(), why)));
            }
            return new FetchOutcome.Failure(t, clock.instant(), noKey(t, true));
        }
        return fetch(t, creds);
    }

    /**
     * Fetches one target with exactly these keys instead of looking them up, e.g. a key typed into the settings
     * dialog and not saved yet. A provider field missing from the target is still taken from its
     * environment variable.
     */
    public FetchOutcome fetch(FetchTarget t, Credentials creds) {
        if (!t.info().supported()) {
            return unsupported(t);
        }
        Optional<BalanceProvider> provider = catalog.provider(t.info().id());
        if (provider.isEmpty()) {
            return new FetchOutcome.Failure(t, clock.instant(),
                    new FetchError.Unsupported(FetchPhrase.UNKNOWN_PROVIDER.text(t.info().id())));
        }
        if (creds.isEmpty()) {
            return new FetchOutcome.Failure(t, clock.instant(), noKey(t, false));
        }
        ProviderTarget target = t.target();
        for (AccountField f : t.info().fields()) {
            if (f.envVar() != null && target.field(f.id()) == null) {
                target = target.withField(f.id(), keys.env(f.envVar()).orElse(null));
            }
        }
        try {
            FetchContext ctx = new FetchContext(t.info(), target, creds, http.get(), clock);
            return new FetchOutcome.Success(t, clock.instant(), provider.get().fetch(ctx));
        } catch (FetchException e) {
            LOG.log(System.Logger.Level.INFO, "{0}: {1} — {2}", t.id(), e.error().status().jsonName(), e.getMessage());
            return new FetchOutcome.Failure(t, clock.instant(), e.error());
        } catch (RuntimeException e) {
            // a bug (ours or a library's) must not take the app down or look like a balance: a typed error with the
            // exception's class and (redacted) message, and its stack trace in the log, which --debug prints to
            // stderr; keys are removed from every message in the trace
            Throwable shown = redacted(e, Redactor.of(creds.all()));
            LOG.log(System.Logger.Level.WARNING, "unexpected error while checking " + t.id(), shown);
            return new FetchOutcome.Failure(t, clock.instant(), new FetchError.BadResponse(
                    FetchPhrase.UNEXPECTED.text(t.label(), describe(shown))));
        }
    }

    /** "NullPointerException: Cannot read …" */
    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A copy of {@code e} and its causes whose messages have the keys removed, with the same class names (in the
     * message) and stack traces, safe to log and print.
     */
    static Throwable redacted(Throwable e, Redactor redactor) {
        Throwable copy = null;
        Throwable last = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getClass().getSimpleName() + ": " + redactor.clean(t.getMessage());
            Throwable c = new Unexpected(message);
            c.setStackTrace(t.getStackTrace());
            if (copy == null) {
                copy = c;
            } else {
                last.initCause(c);
            }
            last = c;
        }
        return copy;
    }

    /** Carries a redacted message and the original stack trace. */
    private static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String message) {
            super(message);
        }

        /** The original class name and message, as a stack trace's first line. */
        @Override
        public String toString() {
            return getMessage();
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
                            new FetchError.BadResponse(FetchPhrase.INTERNAL_ERROR.text())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new FetchOutcome.Failure(targets.get(i), clock.instant(),
                            new FetchError.NetworkError(FetchPhrase.CANCELLED_SHORT.text())));
                }
            }
            return out;
        }
    }

    /** No key: what happened (and why the keychain could not help), with the remedy of setting one. */
    private FetchError noKey(FetchTarget t, boolean askKeychain) {
        List<String> vars = t.info().keySlots().stream().map(s -> s.envVar()).toList();
        String problem = askKeychain && t.accountId() != null ? keys.keychainProblem().orElse(null) : null;
        Text message = problem == null ? FetchPhrase.NO_KEY.text(t.label()) : FetchPhrase.NO_KEY_BECAUSE.text(t.label(), problem);
        return new FetchError.NoKey(message, new Remedy.SetKey(t.accountId(), null, vars));
    }
}
