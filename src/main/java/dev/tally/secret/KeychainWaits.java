package dev.tally.secret;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long a store waits for its keychain: for the startup probe ({@code probe}; a probe still running then is
 * reported as "did not answer in N s" until it finishes), for each call ({@code call}), and for calls while an
 * unlock prompt may be up ({@code unlock}); {@code notice} is when a caller who is waiting is told so (see
 * {@link KeyringSecretStore#open(KeychainWaits, Map, Runnable)}). All positive; {@code unlock} no shorter than {@code call}.
 */
public record KeychainWaits(Duration probe, Duration call, Duration unlock, Duration notice) {
    /** Commands a person started: up to 10 s, and "waiting for the keychain…" after 1 s. */
    public static final KeychainWaits USER = new KeychainWaits(Duration.ofSeconds(10), Duration.ofSeconds(10), KeyringSecretStore.UNLOCK_TIMEOUT,
            Duration.ofSeconds(1));
    /** The widget and other background work: 5 s at start-up; a poll that finds no answer tries again later. */
    public static final KeychainWaits BACKGROUND = new KeychainWaits(Duration.ofSeconds(5), Duration.ofSeconds(5), KeyringSecretStore.UNLOCK_TIMEOUT,
            Duration.ofSeconds(1));
    /** The environment variable that replaces the probe and call waits of commands, in whole seconds (1-600). */
    public static final String VARIABLE = "TALLY_KEYCHAIN_WAIT";

    public KeychainWaits {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(unlock, "unlock");
        Objects.requireNonNull(notice, "notice");
        if (!positive(probe) || !positive(call) || !positive(notice) || unlock.compareTo(call) < 0) {
            throw new IllegalArgumentException("keychain waits must be positive, the unlock wait no shorter than a call's");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** The same probe and call wait, e.g. 30 s for a very slow keychain. */
    public KeychainWaits withWait(Duration wait) {
        return new KeychainWaits(wait, wait, unlock.compareTo(wait) < 0 ? wait : unlock, notice);
    }

    /**
     * {@code base}, or with the wait {@link #VARIABLE} gives; a value that is not a whole number of seconds
     * from 1 to 600 is ignored.
     */
    public static KeychainWaits from(Map<String, String> env, KeychainWaits base) {
        String v = env.get(VARIABLE);
        if (v != null && v.strip().matches("\\d{1,3}")) {
            int seconds = Integer.parseInt(v.strip());
            if (seconds >= 1 && seconds <= 600) {
                return base.withWait(Duration.ofSeconds(seconds));
            }
        }
        return base;
    }
}
