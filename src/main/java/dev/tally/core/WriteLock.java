package dev.tally.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock a writer of {@code accounts.json}, {@code settings.json} or {@code hooks.json} holds while it re-reads, changes and replaces
 * the file: an OS file lock on a sibling file ({@code accounts.json.lock}), so a command line, the widget and the
 * settings dialog (other processes) take turns, plus a lock per file inside this JVM (an OS lock is held per
 * process, so threads of one process would otherwise not exclude each other). The lock file is never deleted
 * (deleting it would let two writers lock two different files). Blocking: waits up to the given time, then gives up
 * with {@link StoreBusyException} and changes nothing. Reentrant within one thread.
 */
public final class WriteLock {
    /** How long a writer waits for another one before giving up. */
    public static final int DEFAULT_WAIT_SECONDS = 5;
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(DEFAULT_WAIT_SECONDS);
    private static final long RETRY_MS = 25;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private WriteLock() {
    }

    static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Runs {@code body} while holding the lock of {@code file}.
     *
     * @throws StoreBusyException   when another writer held it for all of {@code wait}
     * @throws UncheckedIOException when the lock file cannot be created or locked
     */
    public static <T> T holding(Path file, Duration wait, Supplier<T> body) {
        Path lock = lockFile(file.toAbsolutePath().normalize());
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lock, p -> new ReentrantLock(true));
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(file, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted while waiting to change " + file + "; nothing was changed");
        }
        try {
            if (local.getHoldCount() > 1) {
                return body.get(); // this thread already holds the OS lock too
            }
            Files.createDirectories(lock.getParent());
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock held = acquire(ch, deadline);
                if (held == null) {
                    throw busy(file, wait);
                }
                try {
                    return body.get();
                } finally {
                    held.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lock + " to change " + file.getFileName() + ": "
                    + e.getMessage() + "; nothing was changed", e);
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel ch, long deadline) throws IOException {
        while (true) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // only if another class in this JVM locks the same file; treat it as busy
            }
            if (l != null) {
                return l;
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static StoreBusyException busy(Path file, Duration wait) {
        return new StoreBusyException("could not change " + file + ": another Tally (a command or the widget) kept it"
                + " locked for " + wait.toSeconds() + " s; nothing was changed — try again");
    }
}
