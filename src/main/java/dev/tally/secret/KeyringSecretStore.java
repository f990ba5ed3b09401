package dev.tally.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.tally.core.Secret;
import org.freedesktop.dbus.exceptions.DBusException;

import dev.tally.core.Text;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OS keychain through java-keyring: the Secret Service on Linux (GNOME Keyring, KeePassXC, KWallet),
 * the macOS Keychain, the Windows Credential Manager. Entries have service {@code Tally} and the account id
 * as account name.
 *
 * <p><b>Threads and timeouts.</b> Every keychain call runs on one dedicated daemon thread
 * ({@code tally-keychain}), so calls are serialized; the caller waits at most the timeout given to
 * {@link #open(Duration)} (default {@value #DEFAULT_TIMEOUT_SECONDS} s, which includes waiting for earlier
 * calls), and gets a {@link SecretStoreException} after that. A call that timed out and had not started is
 * dropped; one that had started may still complete.
 *
 * <p><b>Probe and unlock.</b> {@link #open(KeychainWaits, Map, Runnable)} classifies the store before returning: it checks
 * the D-Bus session bus address (a missing bus is reported at once), asks the bus whether a Secret Service and
 * its default collection exist and are unlocked, then looks up an entry that does not exist
 * ({@code tally-probe-<random>}). The probe only reads: it writes nothing into the user's keychain, so nothing can
 * be left behind whenever it is cut short. If the default keyring is locked, the probe lets the Secret Service show
 * its unlock prompt once; the status is then {@link StoreStatus.State#LOCKED} "waiting for keyring unlock…"
 * and calls made meanwhile wait up to the longer unlock timeout ({@link #UNLOCK_TIMEOUT} by default; the
 * prompt itself gives up after 120 s). A probe still running when {@link KeychainWaits#probe()} ends keeps running: the
 * status is {@link StoreStatus.State#NOT_ANSWERING} "… did not answer in N s" (neither "unavailable" nor "no key";
 * calls fail at once rather than queue behind it) until it finishes and reports what it found. The waits are
 * injected: {@link KeychainWaits#USER} for commands a person started (10 s, with a notice after 1 s),
 * {@link KeychainWaits#BACKGROUND} for the widget, whose polls simply try again at their next refresh. After the probe, Tally
 * never prompts again: each call first asks the bus whether the keyring is still there and unlocked, and
 * fails at once with the reason if not (so a locked keyring never blocks a background refresh); a keyring
 * unlocked later, e.g. in Passwords and Keys, is used again from the next call on.
 *
 * <p>Known limit: java-keyring's Secret Service library (secret-service 1.8.1) hears D-Bus signals through
 * one JVM-wide handler that listens only on the first Secret Service connection the JVM opened, so only the
 * first store opened in a JVM sees an unlock prompt complete; a later one says "waiting for keyring
 * unlock…" until the prompt's 120 s are over. Open one store per application.
 *
 * <p><b>Overwrites</b> update the existing entry in place: java-keyring's Secret Service backend searches for
 * the entry and sets its secret ({@code Item.SetSecret}) when there is one, and only creates an item when there
 * is none (checked against gnome-keyring with {@code secret-tool}: same item before and after). On Windows
 * {@code CredWrite} replaces the credential with the same target name; macOS was not checked. Windows keeps
 * at most 2,560 bytes per credential, i.e. keys up to 1,280 characters (java-keyring stores UTF-16).
 * Secret Service items are labelled {@code Tally|<account>} by java-keyring.
 *
 * <p><b>Shutdown.</b> {@link #close()} closes the D-Bus connection, whose sender thread is not a daemon
 * thread and would otherwise keep the JVM alive; the application still ends the JVM explicitly on quit in
 * case a keychain call is stuck.
 *
 * <p>Never logs a key; exception messages name the account, never the key.
 */
public final class KeyringSecretStore implements SecretStore {
    /** The service name every entry is stored under. */
    public static final String SERVICE = "Tally";
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    /** How long a call waits for a keychain call when nothing has to be unlocked. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    /** How long {@link #close()} waits for a running call before cutting its connection. */
    static final Duration CLOSE_WAIT = Duration.ofMillis(250);
    /** How long a call waits while the keychain is locked and may be showing an unlock prompt. */
    public static final Duration UNLOCK_TIMEOUT = Duration.ofSeconds(125);
    /** Account-name prefix of the throwaway probe entries. */
    static final String PROBE_PREFIX = "tally-probe-";


    private static final System.Logger LOG = System.getLogger(KeyringSecretStore.class.getName());

    private final KeyringBackend backend;
    private final String busAddress;
    private final KeychainWaits waits;
    private final Duration timeout;
    private final Duration unlockTimeout;
    private final ExecutorService worker;
    /** Secret Service only; used on the worker thread. */
    private final SecretServiceCheck check;
    /** Identity marks "probe not finished in time"; calls fail at once while it is the status. */
    private final StoreStatus probing;
    private final AtomicReference<StoreStatus> status;
    private volatile String name;
    private volatile boolean closed;
    /** Used on the worker thread; read by {@link #close()} only when the worker is stuck. */
    private volatile Keyring keyring;
    /** The startup probe, done or not; {@code null} when there was none (no bus). */
    private volatile Future<?> probeTask;

    private KeyringSecretStore(KeyringBackend backend, String busAddress, KeychainWaits waits) {
        this.backend = backend;
        this.busAddress = busAddress;
        this.waits = waits;
        this.timeout = waits.call();
        this.unlockTimeout = waits.unlock();
        this.name = backend.displayName;
        this.check = backend == KeyringBackend.SECRET_SERVICE && busAddress != null ? new SecretServiceCheck(busAddress) : null;
        this.probing = StoreStatus.notAnswering(KeychainPhrase.PROBE_SLOW.text(backend.displayName, seconds(waits.probe())));
        this.status = new AtomicReference<>(probing);
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "tally-keychain");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens this OS's keychain and probes it; blocks for at most the timeout or {@link KeychainWaits#USER}'s probe wait,
     * whichever is longer (a probe that has not finished by then reports "did not answer" until it does). Never throws for an unusable keychain: check {@link #status()}.
     * Calls made while an unlock prompt may be up wait up to {@link #UNLOCK_TIMEOUT}.
     *
     * @param timeout how long the probe and each call may wait, e.g. {@link #DEFAULT_TIMEOUT}
     */
    public static KeyringSecretStore open(Duration timeout) {
        return open(timeout, UNLOCK_TIMEOUT);
    }

    /**
     * Like {@link #open(Duration)}, with the wait for calls made while the keyring's unlock prompt may be up
     * (a command-line tool may prefer a shorter one than the desktop widget).
     */
    public static KeyringSecretStore open(Duration timeout, Duration unlockTimeout) {
        return open(waits(timeout, unlockTimeout), System.getenv(), System.getProperty("os.name", ""), null);
    }

    /** Like {@link #open(Duration)}, finding the session bus in {@code env} rather than this process's environment. */
    public static KeyringSecretStore open(Duration timeout, Map<String, String> env) {
        return open(waits(timeout, UNLOCK_TIMEOUT), env, System.getProperty("os.name", ""), null);
    }

    /** Calls wait {@code timeout}; the probe at least as long as a command's ({@link KeychainWaits#USER}), never a fixed sub-second. */
    private static KeychainWaits waits(Duration timeout, Duration unlockTimeout) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(unlockTimeout, "unlockTimeout");
        Duration probe = timeout.compareTo(KeychainWaits.USER.probe()) > 0 ? timeout : KeychainWaits.USER.probe();
        return new KeychainWaits(probe, timeout, unlockTimeout, KeychainWaits.USER.notice());
    }

    /**
     * Opens this OS's keychain with these waits, finding the session bus in {@code env}, and probes it: blocks for
     * at most {@link KeychainWaits#probe()}. Never throws for an unusable keychain: check {@link #status()}.
     *
     * @param stillWaiting run once, on the calling thread, when the probe has taken {@link KeychainWaits#notice()} and goes
     *                     on (e.g. to print "waiting for the keychain…" on a terminal); may be {@code null}
     */
    public static KeyringSecretStore open(KeychainWaits waits, Map<String, String> env, Runnable stillWaiting) {
        return open(waits, env, System.getProperty("os.name", ""), stillWaiting);
    }

    /** For tests: a given environment (session bus address) and OS name. */
    static KeyringSecretStore open(Duration timeout, Duration unlockTimeout, Map<String, String> env, String osName) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(unlockTimeout, "unlockTimeout");
        if (timeout.isNegative() || timeout.isZero() || unlockTimeout.compareTo(timeout) < 0) {
            throw new IllegalArgumentException("timeouts must be positive, the unlock timeout no shorter than the other");
        }
        Duration notice = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1);
        return open(new KeychainWaits(timeout, timeout, unlockTimeout, notice), env, osName, null);
    }

    static KeyringSecretStore open(KeychainWaits waits, Map<String, String> env, String osName, Runnable stillWaiting) {
        Objects.requireNonNull(waits, "waits");
        KeyringBackend backend = KeyringBackend.forOs(osName);
        long start = System.nanoTime();
        KeyringSecretStore store;
        if (backend == KeyringBackend.SECRET_SERVICE) {
            SessionBus.Lookup bus = SessionBus.find(env);
            store = new KeyringSecretStore(backend, bus.address(), waits);
            if (bus.found()) {
                store.probeAtStartup(stillWaiting);
            } else {
                store.status.set(StoreStatus.unavailable(bus.problem()));
            }
        } else {
            store = new KeyringSecretStore(backend, null, waits);
            store.probeAtStartup(stillWaiting);
        }
        LOG.log(System.Logger.Level.DEBUG, "keychain probe: {0} — {1} ({2} ms)", store.name, store.status(),
                (System.nanoTime() - start) / 1_000_000);
        return store;
    }

    @Override
    public StoreStatus status() {
        return status.get();
    }

    /** KeychainWaits up to {@code max} for a probe that is still running (a late keychain), then says what it found. */
    @Override
    public StoreStatus awaitAnswer(Duration max) {
        Future<?> probe = probeTask;
        if (probe != null && status.get() == probing && !closed) {
            try {
                probe.get(max.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException e) {
                // still not answering, or the probe failed and said so in the status
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return status.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Secret> read(String account) {
        AccountNames.check(account);
        Text what = KeychainPhrase.READ_KEY.text(account);
        return call(what, () -> {
            Keyring k = ready(what);
            String value;
            try {
                value = k.getPassword(SERVICE, account);
            } catch (PasswordAccessException e) {
                if (KeychainErrors.isMissing(e)) {
                    return Optional.empty();
                }
                throw failure(what, account, e);
            } catch (RuntimeException e) {
                throw failure(what, account, e);
            }
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Secret.of(value));
            } catch (IllegalArgumentException e) {
                throw new SecretStoreException(KeychainPhrase.NOT_A_KEY.text(name, account, e.getMessage()));
            }
        });
    }

    @Override
    public void write(String account, Secret key) {
        AccountNames.check(account);
        Objects.requireNonNull(key, "key");
        Text what = KeychainPhrase.STORE_KEY.text(account);
        call(what, () -> {
            Keyring k = ready(what);
            try {
                k.setPassword(SERVICE, account, key.reveal());
            } catch (PasswordAccessException | RuntimeException e) {
                throw failure(what, account, e);
            }
            return null;
        });
    }

    @Override
    public void delete(String account) {
        AccountNames.check(account);
        Text what = KeychainPhrase.DELETE_KEY.text(account);
        call(what, () -> {
            Keyring k = ready(what);
            try {
                k.deletePassword(SERVICE, account);
            } catch (PasswordAccessException e) {
                if (!KeychainErrors.isMissing(e)) {
                    throw failure(what, account, e);
                }
            } catch (RuntimeException e) {
                throw failure(what, account, e);
            }
            return null;
        });
    }

    /**
     * Closes the keychain connections and stops the worker thread, waiting at most a quarter second for a running
     * call (one stuck in the keychain is interrupted). Later calls throw. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            worker.submit(this::closeConnections);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "keychain worker already stopped");
        }
        worker.shutdown();
        boolean stopped;
        try {
            stopped = worker.awaitTermination(Math.min(timeout.toMillis(), CLOSE_WAIT.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            LOG.log(System.Logger.Level.WARNING, "the keychain worker is stuck in a call; closing its connection");
            worker.shutdownNow();
            closeConnections();
        }
        status.set(StoreStatus.unavailable(KeychainPhrase.CLOSED.text()));
    }

    // ---- probe ----

    private void probeAtStartup(Runnable stillWaiting) {
        Future<?> probe;
        try {
            probe = worker.submit(this::probe);
            probeTask = probe;
        } catch (RejectedExecutionException e) {
            status.set(StoreStatus.unavailable(KeychainPhrase.WORKER_FAILED.text()));
            return;
        }
        long deadline = System.nanoTime() + waits.probe().toNanos();
        try {
            if (stillWaiting != null && waits.notice().compareTo(waits.probe()) < 0) {
                try {
                    probe.get(waits.notice().toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    stillWaiting.run();
                }
            }
            probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The probe keeps running and replaces the status when it finishes; until then "probing" says so.
            LOG.log(System.Logger.Level.INFO, "keychain probe: no answer in {0}; still trying", seconds(waits.probe()));
        } catch (ExecutionException e) {
            status.compareAndSet(probing, StoreStatus.unavailable(KeychainPhrase.PROBE_FAILED.text(KeychainErrors.summary(e.getCause()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.compareAndSet(probing, StoreStatus.unavailable(KeychainPhrase.PROBE_INTERRUPTED.text()));
        }
    }

    /** Worker thread. Never throws; always publishes a status. */
    private void probe() {
        StoreStatus result;
        try {
            result = classify();
        } catch (RuntimeException | LinkageError e) {
            result = StoreStatus.unavailable(KeychainPhrase.PROBE_FAILED.text(KeychainErrors.summary(e)));
        }
        if (!result.isAvailable() || closed) {
            closeConnections();
        }
        if (closed) {
            return;
        }
        status.set(result);
        LOG.log(System.Logger.Level.INFO, "keychain: {0} — {1}", name, result);
    }

    private StoreStatus classify() {
        boolean wasLocked = false;
        if (check != null) {
            StoreStatus problem = checkSecretService();
            if (problem != null && problem.state() == StoreStatus.State.UNAVAILABLE) {
                return problem;
            }
            if (problem != null) {
                wasLocked = true;
                status.set(StoreStatus.locked(SecretServiceStatus.WAITING_FOR_UNLOCK));
            }
        }
        Keyring k;
        try {
            // On a locked Secret Service collection this shows the unlock prompt and waits for it.
            k = connect();
        } catch (SecretStoreException e) {
            return StoreStatus.unavailable(e.text());
        }
        if (wasLocked) {
            StoreStatus problem = checkSecretService();
            if (problem != null) {
                return SecretServiceStatus.settled(problem);
            }
        }
        return roundTrip(k);
    }

    /**
     * Looks up an entry that does not exist: proves the keychain answers a real query (on the Secret Service: opens a
     * session and searches the collection) without writing anything, so the probe can never leave an entry behind.
     */
    private StoreStatus roundTrip(Keyring k) {
        String account = PROBE_PREFIX + HexFormat.of().formatHex(randomBytes(6));
        try {
            k.getPassword(SERVICE, account);
            return StoreStatus.available(name);
        } catch (PasswordAccessException e) {
            if (KeychainErrors.isMissing(e)) {
                return StoreStatus.available(name);
            }
            return refused(e);
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    private StoreStatus refused(Exception e) {
        StoreStatus explained = check != null ? checkSecretService() : null;
        if (explained != null) {
            return SecretServiceStatus.settled(explained);
        }
        return StoreStatus.unavailable(KeychainPhrase.TEST_LOOKUP_REFUSED.text(name, KeychainErrors.summary(e)));
    }

    /**
     * Worker thread, Secret Service only. Null when the default collection is there and unlocked; otherwise
     * the status that says what is missing (LOCKED with {@link SecretServiceStatus#WAITING_FOR_UNLOCK} when locked).
     */
    private StoreStatus checkSecretService() {
        if (closed) {
            // A call still running after close() must not open a new connection.
            return StoreStatus.unavailable(KeychainPhrase.CLOSED.text());
        }
        SecretServiceCheck.Result result;
        try {
            result = check.run();
        } catch (DBusException | RuntimeException e) {
            return StoreStatus.unavailable(KeychainPhrase.NO_BUS.text(busAddress, KeychainErrors.summary(e)));
        }
        if (result.provider() != null) {
            name = result.provider() + " (Secret Service)";
        }
        return SecretServiceStatus.of(result.finding(), name);
    }

    // ---- calls ----

    private <T> T call(Text what, Callable<T> task) {
        if (closed) {
            throw cannot(what, KeychainPhrase.STORE_CLOSED.text());
        }
        StoreStatus now = status.get();
        if (now == probing) {
            // The worker may be stuck in a probe that never returns: do not queue behind it.
            throw cannot(what, now.text());
        }
        if (backend == KeyringBackend.SECRET_SERVICE && busAddress == null) {
            throw cannot(what, KeychainPhrase.UNAVAILABLE.text(name, now.text()));
        }
        boolean unlocking = now.state() == StoreStatus.State.LOCKED && now.text().equals(SecretServiceStatus.WAITING_FOR_UNLOCK);
        Duration wait = unlocking ? unlockTimeout : timeout;
        Future<T> future;
        try {
            future = worker.submit(task);
        } catch (RejectedExecutionException e) {
            throw cannot(what, KeychainPhrase.STORE_CLOSED.text());
        }
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw cannot(what, (unlocking ? KeychainPhrase.NO_ANSWER_UNLOCKING : KeychainPhrase.NO_ANSWER)
                    .text(name, seconds(wait)));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecretStoreException s) {
                throw new SecretStoreException(s.text(), s.getCause());
            }
            throw new SecretStoreException(KeychainPhrase.CANNOT.text(what, KeychainErrors.summary(e.getCause())), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw cannot(what, KeychainPhrase.INTERRUPTED.text(name));
        }
    }

    /**
     * Worker thread: the connected keyring, after making sure (on the Secret Service) that the default
     * collection is there and unlocked, because java-keyring would otherwise show an unlock prompt or report
     * a locked entry as missing.
     */
    private Keyring ready(Text what) {
        if (check != null) {
            StoreStatus problem = checkSecretService();
            if (problem != null) {
                StoreStatus next = SecretServiceStatus.settled(problem);
                status.set(next);
                throw cannot(what, next.text());
            }
        }
        Keyring k = keyring != null ? keyring : connect();
        if (!status.get().isAvailable()) {
            status.set(StoreStatus.available(name));
        }
        return k;
    }

    /** Worker thread. Maps a failed call to a specific message, re-checking the Secret Service when unclear. */
    private SecretStoreException failure(Text what, String account, Exception e) {
        if (e instanceof PasswordAccessException && e.getMessage() != null
                && e.getMessage().startsWith("Too many stored credentials")) {
            return cannot(what, KeychainPhrase.DUPLICATES.text(name, account, SERVICE));
        }
        if (check != null) {
            StoreStatus problem = checkSecretService();
            if (problem != null) {
                StoreStatus next = SecretServiceStatus.settled(problem);
                status.set(next);
                return new SecretStoreException(KeychainPhrase.CANNOT.text(what, next.text()), e);
            }
        }
        // The connection may be broken (daemon restarted); reconnect on the next call.
        closeKeyring();
        return new SecretStoreException(KeychainPhrase.CANNOT.text(what, KeychainPhrase.FAILED.text(name, KeychainErrors.summary(e))), e);
    }

    /** Worker thread. */
    private Keyring connect() {
        if (closed) {
            throw new SecretStoreException(KeychainPhrase.CLOSED.text());
        }
        try {
            if (backend == KeyringBackend.SECRET_SERVICE) {
                // dbus-java reads the session bus address from this property before the environment; set it so
                // java-keyring talks to the bus that was checked.
                if (!busAddress.equals(System.getProperty(SessionBus.ADDRESS_VARIABLE))) {
                    System.setProperty(SessionBus.ADDRESS_VARIABLE, busAddress);
                }
            }
            Keyring k = Keyring.create(backend.type);
            keyring = k;
            return k;
        } catch (BackendNotSupportedException | RuntimeException e) {
            StoreStatus next = StoreStatus.unavailable(KeychainPhrase.CANNOT_OPEN.text(name, KeychainErrors.summary(e)));
            if (status.get() != probing) {
                status.set(next);
            }
            throw new SecretStoreException(next.text(), e);
        }
    }

    private void closeConnections() {
        closeKeyring();
        if (check != null) {
            check.close();
        }
    }

    private void closeKeyring() {
        Keyring k = keyring;
        keyring = null;
        if (k != null) {
            try {
                k.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the keychain connection: {0}", KeychainErrors.summary(e));
            }
        }
    }

    // ---- helpers ----

    private static Text seconds(Duration d) {
        long ms = d.toMillis();
        return KeychainPhrase.SECONDS.text(ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0));
    }

    private static SecretStoreException cannot(Text what, Text why) {
        return new SecretStoreException(KeychainPhrase.CANNOT.text(what, why));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        Random.SOURCE.nextBytes(bytes);
        return bytes;
    }

    /**
     * Made on first use (a probe): a {@code SecureRandom} sets up the security providers, which a command that only
     * reads the constants here (the wait times) should not pay for at start-up.
     */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
