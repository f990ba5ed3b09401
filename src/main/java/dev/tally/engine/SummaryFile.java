package dev.tally.engine;

import dev.tally.poll.AccountState;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.PollListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code <data>/summary.txt}: the running engine's last known state of every account, rewritten after each poll so
 * a status bar can read it without starting a JVM ({@code head -n1}). UTF-8, one record per line:
 * <pre>
 * ⚠ 1 · ¥3.10 · 0m                                   what 'tally status --short' printed when it was written
 * engine	12345	2026-12-02T05:00:00Z               the engine's process id, when it was written
 * account	ID	STATE	NUMBER	CURRENCY	LAST_SUCCESS_AT	PROVIDER	LABEL   one per account, tab-separated, '-' = unknown
 * </pre>
 * It holds no key, only what {@code tally status} shows. Written atomically (a temporary file moved over it), so a
 * reader never sees half a file; removed when the engine stops, so its presence means an engine runs (a crash can
 * leave it behind: the engine line's process id tells). Register it with {@link Engine#addListener} and call
 * {@link #write()} once the accounts are loaded.
 *
 * <p>Threads: {@link #onPoll} is called on fetch threads and writes there (a small file); all methods are
 * thread-safe. Failures to write are logged, never thrown: polling goes on.
 */
public final class SummaryFile implements PollListener, AutoCloseable {
    public static final String FILE_NAME = "summary.txt";
    private static final System.Logger LOG = System.getLogger(SummaryFile.class.getName());

    private final Path file;
    private final Supplier<? extends Collection<AccountState>> states;
    private final Clock clock;
    private boolean closed;

    /**
     * @param dataDir the engine's data folder
     * @param states  every account's current state, e.g. {@code engine.poller()::states}
     */
    public SummaryFile(Path dataDir, Supplier<? extends Collection<AccountState>> states, Clock clock) {
        this.file = dataDir.resolve(FILE_NAME);
        this.states = states;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public void onPoll(FetchOutcome outcome, AccountState state) {
        write();
    }

    /** Rewrites the file from the current states. Blocking (a small file). */
    public synchronized void write() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        List<StatusSummary.Entry> entries = new ArrayList<>();
        for (AccountState s : states.get()) {
            entries.add(StatusSummary.entry(s, now));
        }
        StatusSummary summary = new StatusSummary(entries);
        StringBuilder text = new StringBuilder(summary.shortLine(now)).append('\n');
        text.append("engine\t").append(ProcessHandle.current().pid()).append('\t').append(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append('\n');
        for (StatusSummary.Entry e : entries) {
            text.append(summary.fileLine(e)).append('\n');
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Removes the file: no engine runs any more. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + file + ": " + e.getMessage());
        }
    }

    /**
     * What a running engine last wrote in {@code dataDir}: empty when there is no file, it is unreadable, or the
     * process that wrote it has ended (a crash left it behind). Blocking (a small file).
     */
    public static Optional<StatusSummary> readLive(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read the summary file: " + e);
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        String[] engine = lines.get(1).split("\t");
        if (engine.length != 3 || !engine[0].equals("engine")) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(engine[1]);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<StatusSummary.Entry> entries = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            Optional<StatusSummary.Entry> e = StatusSummary.parseFileLine(line);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            entries.add(e.get());
        }
        return Optional.of(new StatusSummary(entries));
    }
}
