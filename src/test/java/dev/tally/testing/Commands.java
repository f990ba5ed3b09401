package dev.tally.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Desktop tools run from tests against a private bus and display (gdbus, dunstctl, xdotool): what they print, and
 * asking again until an answer arrives. Blocking; any thread.
 */
public final class Commands {
    private Commands() {
    }

    /** An answer to ask for again. */
    public interface Probe {
        String ask() throws Exception;
    }

    /** Runs {@code cmd} with {@code env} added and returns what it printed (stdout and stderr), stripped. */
    public static String run(Map<String, String> env, Duration wait, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        return out.strip();
    }

    /** {@code gdbus call --session ARGS} on the bus of {@code env}. */
    public static String gdbus(Map<String, String> env, Duration wait, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gdbus", "call", "--session"));
        cmd.addAll(List.of(args));
        return run(env, wait, cmd);
    }

    /** Asks again (every {@code every}) until the answer contains {@code wanted} or {@code wait} is over; the last answer. */
    public static String until(String wanted, Duration wait, Duration every, Probe probe) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        String last;
        do {
            last = probe.ask();
            if (last.contains(wanted)) {
                return last;
            }
            Thread.sleep(every.toMillis());
        } while (System.nanoTime() < deadline);
        return last;
    }
}
