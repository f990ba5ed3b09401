package dev.tally.secret;

import dev.tally.testing.ManualClock;
import dev.tally.testing.Scripts;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The per-account cache of key commands: the helper counts its own runs. */
@Slow
class KeyCommandsTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T05:00:00Z"));

    private KeyCommands commands(List<String> argv) {
        return new KeyCommands(id -> id.equals("ds") ? Map.of("api", argv) : Map.of(),
                new KeyCommandRunner(Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(20)), KeyCommands.DEFAULT_TTL, clock);
    }

    @Test
    void oneRunServesEveryoneAskingAtOnceAndIsReusedForTenMinutes() throws Exception {
        Path counter = dir.resolve("runs");
        // slow enough that the callers overlap: they must all wait for this one run
        List<String> argv = List.of(Scripts.write(dir, "helper", "echo run >> " + counter
                + "; sleep 2; printf 'sk-cached-0123456789abcdef'").toString());
        KeyCommands c = commands(argv);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<KeyCommandRunner.Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return c.lookup("ds", "api", argv);
                }));
            }
            go.countDown();
            for (Future<KeyCommandRunner.Result> f : results) {
                assertEquals("sk-cached-0123456789abcdef",
                        assertInstanceOf(KeyCommandRunner.Printed.class, f.get()).key().reveal());
            }
        }
        assertEquals(1, Scripts.count(counter), "five callers at once, one run");

        clock.advance(Duration.ofMinutes(9));
        c.lookup("ds", "api", argv);
        assertEquals(1, Scripts.count(counter), "still fresh after 9 minutes");

        clock.advance(Duration.ofMinutes(2));
        c.lookup("ds", "api", argv);
        assertEquals(2, Scripts.count(counter), "run again once 10 minutes are over");

        c.forget("ds");
        c.lookup("ds", "api", argv);
        assertEquals(3, Scripts.count(counter), "run again after being dropped (a refused key)");
    }

    @Test
    void aFailureIsKeptForAMinuteAndAChangedCommandRunsAnew() {
        Path counter = dir.resolve("runs");
        List<String> failing = List.of(Scripts.write(dir, "broken", "echo run >> " + counter + "; exit 1").toString());
        KeyCommands c = commands(failing);
        assertInstanceOf(KeyCommandRunner.Failed.class, c.lookup("ds", "api", failing));
        assertInstanceOf(KeyCommandRunner.Failed.class, c.lookup("ds", "api", failing));
        assertEquals(1, Scripts.count(counter), "a broken command is not re-run every few seconds");
        clock.advance(Duration.ofMinutes(1));
        c.lookup("ds", "api", failing);
        assertEquals(2, Scripts.count(counter));

        List<String> fixed = List.of(Scripts.write(dir, "fixed", "echo run >> " + counter + "; printf sk-fixed-12345678").toString());
        assertInstanceOf(KeyCommandRunner.Printed.class, c.lookup("ds", "api", fixed));
        assertEquals(3, Scripts.count(counter), "the edited command ran at once");
    }
}
