package dev.tally.secret;

import dev.tally.core.Secret;
import dev.tally.core.Text;
import dev.tally.provider.Redactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs one key command ({@code op read op://…}, {@code pass show …}) and takes what it prints as the key:
 * <ul>
 *   <li>no shell: the program and its arguments are passed as they are (no globbing, no pipes, no {@code $VAR});</li>
 *   <li>standard input is closed at once (a helper that wants to ask on it gets end-of-file);</li>
 *   <li>a minimal environment: {@link #PASSED_ON} and the variables starting with {@link #PASSED_ON_PREFIXES}
 *       (what the password managers need: their sessions, the D-Bus and agent sockets), never a provider's key
 *       variable;</li>
 *   <li>a timeout (default {@value #DEFAULT_TIMEOUT_SECONDS} s: {@code op} may wait for a fingerprint), after which
 *       the command and its children are killed;</li>
 *   <li>at most {@value #MAX_OUTPUT} bytes of output, else it is killed and nothing is used;</li>
 *   <li>one trailing newline removed; the result exists only as a {@link Secret} in memory;</li>
 *   <li>a non-zero exit is reported with a short excerpt of standard error that has key-like text removed.</li>
 * </ul>
 * Blocking for up to the timeout; thread-safe (each call runs its own process). Never logs or returns the output
 * except as the {@link Secret}.
 */
public final class KeyCommandRunner {
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    /** Output beyond this many bytes is refused: 64 KB. */
    public static final int MAX_OUTPUT = 64 * 1024;
    /** How much of standard error is shown when the command fails. */
    static final int EXCERPT = 160;
    /** Variables handed to the command as they are (when set). */
    public static final Set<String> PASSED_ON = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "TMPDIR", "TERM", "SHELL", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "DBUS_SESSION_BUS_ADDRESS", "SSH_AUTH_SOCK",
            "GNUPGHOME", "GPG_TTY", "SystemRoot", "SYSTEMROOT", "windir", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
            "PATHEXT", "TEMP", "TMP", "ComSpec");
    /** Prefixes of variables handed on: 1Password ({@code OP_}), Bitwarden ({@code BW_}), pass. */
    public static final List<String> PASSED_ON_PREFIXES = List.of("OP_", "BW_", "PASSWORD_STORE_");
    /** Long tokens mixing letters and digits: in an error excerpt they may well be a key or a session token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_.:-]{20,}");

    /** What a run gave. */
    public sealed interface Result {
    }

    /** The key it printed. */
    public record Printed(Secret key) implements Result {
        public Printed {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * It gave no usable key.
     *
     * @param timedOut true when it did not finish in time (worth asking again later, not a wrong setting)
     * @param text     one line for people: what went wrong, never the output itself; said when read (English in
     *                 logs, {@code --json} and the history, the reader's language on a card)
     */
    public record Failed(boolean timedOut, Text text) implements Result {
        public Failed {
            Objects.requireNonNull(text, "text");
        }

        /** Words said the same in every language. */
        public Failed(boolean timedOut, String message) {
            this(timedOut, Text.plain(message));
        }

        /** The line in the current language. */
        public String message() {
            return text.toString();
        }
    }

    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param env     the environment Tally runs in; only the variables listed above are passed on
     * @param timeout how long a command may take; positive
     */
    public KeyCommandRunner(Map<String, String> env, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the key command timeout must be positive");
        }
        this.environment = minimal(env);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The environment a key command sees. */
    static Map<String, String> minimal(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((k, v) -> {
            if (v != null && (PASSED_ON.contains(k) || PASSED_ON_PREFIXES.stream().anyMatch(k::startsWith))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Runs {@code argv} and returns the key it printed or why there is none. Blocking; never throws for the command. */
    public Result run(List<String> argv) {
        Text name = programName(argv);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return new Failed(false, KeychainPhrase.COMMAND_CANNOT_START.text(name, startProblem(e)));
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the command already closed its end
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readCapped(p.getInputStream(), MAX_OUTPUT + 1),
                KeyCommandRunner::daemon);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readCapped(p.getErrorStream(), 4096),
                KeyCommandRunner::daemon);
        byte[] stdout = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            try {
                // ends when the command closes its output (usually: exits) or has printed too much
                stdout = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                kill(p);
                return timedOut(name);
            }
            if (stdout.length > MAX_OUTPUT) {
                kill(p);
                return new Failed(false, KeychainPhrase.COMMAND_TOO_MUCH.text(name, MAX_OUTPUT / 1024));
            }
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            if (!p.waitFor(left, TimeUnit.MILLISECONDS)) {
                kill(p);
                return timedOut(name);
            }
            int exit = p.exitValue();
            if (exit != 0) {
                String excerpt = excerpt(err.get(5, TimeUnit.SECONDS), stdout);
                return new Failed(false, excerpt.isEmpty() ? KeychainPhrase.COMMAND_EXIT.text(name, exit)
                        : KeychainPhrase.COMMAND_EXIT_SAID.text(name, exit, excerpt));
            }
            String text = new String(stdout, StandardCharsets.UTF_8);
            if (text.endsWith("\r\n")) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isBlank()) {
                return new Failed(false, KeychainPhrase.COMMAND_PRINTED_NOTHING.text(name));
            }
            try {
                return new Printed(Secret.of(text));
            } catch (IllegalArgumentException e) {
                return new Failed(false, (text.contains("\n") ? KeychainPhrase.COMMAND_NOT_A_KEY_LINES
                        : KeychainPhrase.COMMAND_NOT_A_KEY).text(name, e.getMessage()));
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return new Failed(true, KeychainPhrase.COMMAND_INTERRUPTED.text(name));
        } catch (ExecutionException | TimeoutException e) {
            // standard error could not be read in time after the command ended
            kill(p);
            return new Failed(false, KeychainPhrase.COMMAND_UNREADABLE.text(name));
        } finally {
            if (stdout != null) {
                Arrays.fill(stdout, (byte) 0);
            }
        }
    }

    private Failed timedOut(Text name) {
        return new Failed(true, KeychainPhrase.COMMAND_TIMED_OUT.text(name, seconds(timeout)));
    }

    /** The program's file name, for messages: {@code 'op'}. */
    static Text programName(List<String> argv) {
        String program = argv.getFirst();
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return KeychainPhrase.COMMAND_NAME.text(slash >= 0 ? program.substring(slash + 1) : program);
    }

    private static Object startProblem(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // "error=2, No such file" (older JDKs), "Exec failed, error: 2 (No such file or directory)" (JDK 25)
        if (m.matches("(?s).*error(=|: )2\\b.*")) {
            return KeychainPhrase.COMMAND_NO_SUCH_PROGRAM.text();
        }
        if (m.matches("(?s).*error(=|: )13\\b.*")) {
            return KeychainPhrase.COMMAND_PERMISSION_DENIED.text();
        }
        return m;
    }

    /** The first line of standard error, with key-like text (and anything printed on standard output) removed. */
    static String excerpt(byte[] stderr, byte[] stdout) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        List<Secret> printed = List.of();
        String o = new String(stdout, StandardCharsets.UTF_8).strip();
        if (!o.isEmpty() && o.chars().noneMatch(Character::isISOControl)) {
            printed = List.of(Secret.of(o));
        }
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String clean = Redactor.of(printed).clean(line);
        clean = TOKEN.matcher(clean).replaceAll(m -> m.group().chars().anyMatch(Character::isDigit)
                && m.group().chars().anyMatch(Character::isLetter) ? "[redacted]" : m.group());
        return clean.length() > EXCERPT ? clean.substring(0, EXCERPT - 1) + "…" : clean;
    }

    private static byte[] readCapped(InputStream in, int max) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buf.size() < max) {
                    buf.write(chunk, 0, Math.min(n, max - buf.size()));
                }
                if (buf.size() >= max) {
                    break;
                }
            }
        } catch (IOException e) {
            // the process was killed or closed its end: what arrived is all there is
        } finally {
            Arrays.fill(chunk, (byte) 0);
        }
        return buf.toByteArray();
    }

    /** Kills the command and everything it started (a shell script's {@code sleep} would keep the pipes open). */
    static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(Runnable r) {
        Thread.ofVirtual().name("tally-key-command-io").start(r);
    }

    private static Text seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 1 && d.toMillisPart() == 0 ? KeychainPhrase.SECONDS.text(s) : KeychainPhrase.MILLISECONDS.text(d.toMillis());
    }
}
