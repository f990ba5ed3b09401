package dev.tally.hooks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one hook for one event: no shell; the event's JSON on standard input (then closed); a minimal environment
 * ({@link #PASSED_ON}) plus the event's {@code TALLY_*} variables, so no key variable of the user's environment
 * reaches it; killed with everything it started after the timeout; what it prints (standard output and error,
 * at most {@value #MAX_LINES} lines) goes to the log. Blocking for up to the timeout; thread-safe; never throws for
 * the hook.
 */
public final class HookRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_LINES = 50;
    static final int MAX_LINE = 300;
    /** Variables handed to a hook as they are (when set). */
    public static final Set<String> PASSED_ON = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE",
            "TZ", "TMPDIR", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "SystemRoot",
            "SYSTEMROOT", "windir", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PATHEXT", "TEMP", "TMP");
    private static final System.Logger LOG = System.getLogger(HookRunner.class.getName());

    /** How a run ended. */
    public enum Ending { OK, FAILED, TIMED_OUT, NOT_STARTED }

    private final Map<String, String> environment;
    private final Duration timeout;
    private final Consumer<String> log;

    /** Logs to Tally's log file. */
    public HookRunner(Map<String, String> env, Duration timeout) {
        this(env, timeout, line -> LOG.log(System.Logger.Level.INFO, line));
    }

    /** @param log where the lines about each run go (the log file in the app) */
    public HookRunner(Map<String, String> env, Duration timeout, Consumer<String> log) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the hook timeout must be positive");
        }
        Map<String, String> e = new TreeMap<>();
        env.forEach((k, v) -> {
            if (v != null && PASSED_ON.contains(k)) {
                e.put(k, v);
            }
        });
        this.environment = Map.copyOf(e);
        this.timeout = timeout;
        this.log = log;
    }

    public Ending run(Hook hook, HookEvent event) {
        String name = "hook '" + hook.describe() + "' for " + event.account();
        ProcessBuilder pb = new ProcessBuilder(hook.command()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.environment().putAll(event.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            log.accept(name + ": cannot start: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Ending.NOT_STARTED;
        }
        Thread reader = Thread.ofVirtual().name("tally-hook-output").start(() -> logOutput(p, name));
        try (OutputStream in = p.getOutputStream()) {
            in.write((event.json() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the hook does not read its input: fine
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                p.waitFor(5, TimeUnit.SECONDS);
                reader.join(Duration.ofSeconds(2));
                log.accept(name + ": did not finish within " + timeout.toSeconds() + " s; stopped");
                return Ending.TIMED_OUT;
            }
            reader.join(Duration.ofSeconds(2));
            int exit = p.exitValue();
            if (exit != 0) {
                log.accept(name + ": failed (exit " + exit + ")");
                return Ending.FAILED;
            }
            log.accept(name + ": done");
            return Ending.OK;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Ending.FAILED;
        }
    }

    private void logOutput(Process p, String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int lines = 0;
            String line;
            while ((line = r.readLine()) != null) {
                if (lines++ < MAX_LINES) {
                    String clean = line.replaceAll("\\p{Cc}", " ");
                    log.accept(name + " says: " + (clean.length() > MAX_LINE ? clean.substring(0, MAX_LINE) + "…" : clean));
                } else if (lines == MAX_LINES + 1) {
                    log.accept(name + ": more output not logged");
                }
            }
        } catch (IOException e) {
            // the hook was stopped
        }
    }
}
