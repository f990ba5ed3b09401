package dev.tally.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One engine per data folder: only one process polls the accounts of a {@code TALLY_HOME} — a {@code tally watch}
 * or the desktop widget — so two of them never double the requests to every provider (and trip rate limits).
 * The engine holds an OS file lock on {@code <data>/engine.lock} while it runs and names itself ({@code watch
 * <pid>} or {@code widget <pid>}) in {@code <data>/engine.owner}, so a later one can say what is running and
 * how to stop it.
 *
 * <p>The lock is the truth: the OS releases it when the process dies, so an owner file left by a dead engine
 * is simply overwritten by the next one. The lock file is never deleted (deleting it would let two processes
 * lock different files). This is separate from {@link SingleInstance}, which keeps one widget window per
 * folder and brings it forward on a second launch; the widget holds both.
 *
 * <p>Threads: {@link #claim} blocks briefly (file I/O, at most {@link #OWNER_WAIT} reading the owner of a lock
 * that was just taken). {@link #close()} releases the lock; idempotent.
 */
public final class EngineLock implements AutoCloseable {
    public static final String LOCK_FILE = "engine.lock";
    public static final String OWNER_FILE = "engine.owner";
    /** How long a refused engine waits for the holder (which may be starting) to name itself. */
    static final Duration OWNER_WAIT = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger(EngineLock.class.getName());

    /** Who runs an engine. */
    public enum Role {
        WATCH("watch"), WIDGET("widget");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        static Role of(String word) {
            for (Role r : values()) {
                if (r.word.equals(word)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** What {@link #claim} found. */
    public sealed interface Claim permits Held, Busy {
    }

    /** This process runs the engine; keep {@code lock} until it stops, then close it. */
    public record Held(EngineLock lock) implements Claim {
    }

    /**
     * Another process runs the engine on this folder.
     *
     * @param holder what it is, or {@code null} when it did not say (yet)
     * @param pid    its process id, or {@code -1} when unknown
     * @param data   the data folder
     */
    public record Busy(Role holder, long pid, Path data) implements Claim {
        /** One line for the engine that was refused: what runs, and how to stop it. */
        public String message(Role asking) {
            String pidText = pid > 0 ? " (pid " + pid + ")" : "";
            String what = switch (holder) {
                case WATCH -> "another 'tally watch'" + pidText + " is already polling the accounts in " + data
                        + "; stop it with Ctrl-C in its terminal" + (pid > 0 ? " (or kill " + pid + ")" : "");
                case WIDGET -> "the Tally widget" + pidText + " is already polling the accounts in " + data
                        + "; quit it from its tray menu (Quit)" + (pid > 0 ? " or end process " + pid : "");
                case null -> "another Tally (a 'tally watch' or the widget) is already polling the accounts in " + data
                        + "; stop it first";
            };
            String then = asking == Role.WATCH
                    ? " before starting 'tally watch' ('tally status' shows what it records)"
                    : " and start Tally again";
            return what + then;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Path ownerFile;
    private final String owner;

    private EngineLock(FileChannel channel, FileLock lock, Path ownerFile, String owner) {
        this.channel = channel;
        this.lock = lock;
        this.ownerFile = ownerFile;
        this.owner = owner;
    }

    /**
     * Becomes the engine of {@code dataDir}, or says which process already is.
     *
     * @param dataDir the data folder (created if missing)
     * @throws IOException when the folder or lock file cannot be used (read-only, not a folder, a file system
     *                     without locks); the caller may then run without the guarantee, saying so
     */
    public static Claim claim(Path dataDir, Role role) throws IOException {
        Objects.requireNonNull(role, "role");
        Files.createDirectories(dataDir);
        FileLock lock = SingleInstance.tryLock(dataDir.resolve(LOCK_FILE));
        Path ownerFile = dataDir.resolve(OWNER_FILE);
        if (lock == null) {
            return busy(dataDir, ownerFile);
        }
        String owner = role.word + " " + ProcessHandle.current().pid();
        try {
            Files.writeString(ownerFile, owner + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // the lock alone keeps engines apart; a refused one then cannot name us, which it says
            LOG.log(System.Logger.Level.WARNING, "cannot write " + ownerFile + ": " + e.getMessage());
        }
        return new Held(new EngineLock(lock.channel(), lock, ownerFile, owner));
    }

    /** Reads who holds the lock; the holder may have just taken it and not written its name yet. */
    private static Busy busy(Path dataDir, Path ownerFile) {
        long deadline = System.nanoTime() + OWNER_WAIT.toNanos();
        while (true) {
            try {
                String[] parts = Files.readString(ownerFile, StandardCharsets.US_ASCII).strip().split(" ");
                Role role = parts.length == 2 ? Role.of(parts[0]) : null;
                if (role != null) {
                    return new Busy(role, Long.parseLong(parts[1]), dataDir);
                }
            } catch (NoSuchFileException e) {
                // not written yet
            } catch (IOException | UncheckedIOException | NumberFormatException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read " + ownerFile + ": " + e);
            }
            if (System.nanoTime() > deadline) {
                return new Busy(null, -1, dataDir);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Busy(null, -1, dataDir);
            }
        }
    }

    /** A lock that holds nothing: for running on when the folder cannot be locked (the caller said so). */
    public static EngineLock none() {
        return new EngineLock(null, null, null, null);
    }

    /** Removes the owner file (if it is still ours) and releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            if (Files.readString(ownerFile, StandardCharsets.US_ASCII).strip().equals(owner)) {
                Files.deleteIfExists(ownerFile);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "owner file not removed: " + e);
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing the engine lock: " + e);
        }
    }
}
