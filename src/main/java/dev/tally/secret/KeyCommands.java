package dev.tally.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The key commands of the configured accounts and what they printed, kept in memory per account and key slot:
 * <ul>
 *   <li>a key is reused for {@link #DEFAULT_TTL} (10 minutes) after the command printed it, so a password manager
 *       is asked at most that often (and {@code op} does not ask for a fingerprint on every refresh);</li>
 *   <li>single-flight: callers asking for the same account and slot while its command runs wait for that one run;</li>
 *   <li>a failure is kept for {@link #FAILURE_TTL} (1 minute), so a broken command is not re-run every few seconds;</li>
 *   <li>{@link #forget} drops an account's keys, e.g. after the provider refused one (401/403), so the next lookup
 *       runs the command again;</li>
 *   <li>a changed command (the account was edited) is run anew.</li>
 * </ul>
 * Keys are never written anywhere. Thread-safe; {@link #lookup} blocks while the command runs.
 */
public final class KeyCommands {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final Duration FAILURE_TTL = Duration.ofMinutes(1);

    private final Function<String, Map<String, List<String>>> commands;
    private final KeyCommandRunner runner;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new HashMap<>();

    private record Entry(List<String> argv, CompletableFuture<KeyCommandRunner.Result> result, Instant[] doneAt) {
    }

    /**
     * @param commands an account id's key commands by slot name (read from accounts.json); empty for none
     * @param runner   runs a command
     * @param ttl      how long a printed key is reused
     */
    public KeyCommands(Function<String, Map<String, List<String>>> commands, KeyCommandRunner runner, Duration ttl,
                       Clock clock) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No account has a key command. */
    public static KeyCommands none() {
        return new KeyCommands(id -> Map.of(), new KeyCommandRunner(Map.of(), KeyCommandRunner.DEFAULT_TIMEOUT),
                DEFAULT_TTL, Clock.systemUTC());
    }

    /** The command set for a slot of an account, if any. Reads the accounts (blocking file I/O). */
    public List<String> commandFor(String accountId, String slot) {
        if (accountId == null) {
            return null;
        }
        Map<String, List<String>> c = commands.apply(accountId);
        return c == null ? null : c.get(slot);
    }

    /**
     * What the command for this account and slot printed: from memory while fresh, else by running it (once, however
     * many callers ask at the same time). Blocking for up to the runner's timeout.
     */
    public KeyCommandRunner.Result lookup(String accountId, String slot, List<String> argv) {
        String key = accountId + "\u0000" + slot;
        Entry entry;
        boolean mine = false;
        synchronized (cache) {
            entry = cache.get(key);
            if (entry == null || !entry.argv().equals(argv) || expired(entry)) {
                entry = new Entry(List.copyOf(argv), new CompletableFuture<>(), new Instant[1]);
                cache.put(key, entry);
                mine = true;
            }
        }
        if (mine) {
            KeyCommandRunner.Result r;
            try {
                r = runner.run(argv);
            } catch (RuntimeException e) {
                r = new KeyCommandRunner.Failed(false, KeychainPhrase.COMMAND_COULD_NOT_RUN.text(
                        KeyCommandRunner.programName(argv), e.getClass().getSimpleName()));
            }
            synchronized (cache) {
                entry.doneAt()[0] = clock.instant();
            }
            entry.result().complete(r);
            return r;
        }
        return entry.result().join();
    }

    /** Drops every key and failure kept for the account; the next lookup runs its commands again. */
    public boolean forget(String accountId) {
        if (accountId == null) {
            return false;
        }
        synchronized (cache) {
            return cache.keySet().removeIf(k -> k.startsWith(accountId + "\u0000"));
        }
    }

    /** Called holding the cache lock. A run still going is never expired. */
    private boolean expired(Entry e) {
        Instant done = e.doneAt()[0];
        if (done == null) {
            return false;
        }
        Duration keep = e.result().getNow(null) instanceof KeyCommandRunner.Failed ? min(FAILURE_TTL, ttl) : ttl;
        return !clock.instant().isBefore(done.plus(keep));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
