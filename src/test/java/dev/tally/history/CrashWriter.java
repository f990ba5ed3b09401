package dev.tally.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Child process for the crash test: writes snapshots as fast as it can and prints
 * {@code committed N} after each one, until it is killed.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
            for (int i = 0; ; i++) {
                store.writer().recordSnapshot("crash", Snap.deepseek(t0.plus(Duration.ofMinutes(5L * i)), "CNY",
                        String.valueOf(1_000_000 - i)));
                store.writer().recordOutcome("crash", t0.plus(Duration.ofMinutes(5L * i)), dev.tally.core.AccountStatus.OK, null);
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
