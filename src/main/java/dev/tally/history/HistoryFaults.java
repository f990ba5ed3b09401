package dev.tally.history;

import dev.tally.core.KeptAside;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can go wrong with the history file, in the {@link HistoryException.Kind}s callers act on and in words a user
 * can act on, and setting a damaged file aside ({@code <name>.corrupt-<stamp>}, with its {@code -wal} and
 * {@code -shm}). Static and stateless; runs on the caller's thread.
 */
final class HistoryFaults {
    private static final System.Logger LOG = System.getLogger(HistoryStore.class.getName());
    private static final String CANNOT_CREATE = "SQLite cannot create its files there";
    private static final Pattern SQLITE_CODE = Pattern.compile("\\[(SQLITE_[A-Z_]+)]");

    private HistoryFaults() {
    }

    /** A failure to open or set up the file, in words. */
    static HistoryException opening(Path abs, SQLException e) {
        HistoryException.Kind kind = kindOf(e);
        return switch (kind) {
            case UNWRITABLE -> new HistoryException("cannot write the history in " + abs.getParent() + ": "
                    + whyNotWritable(abs, null).replace(CANNOT_CREATE, CANNOT_CREATE + " (" + code(e) + ")"), e, kind);
            case DAMAGED -> new HistoryException("cannot use the history file " + abs + ": " + damage(e), e, kind);
            default -> new HistoryException("cannot use the history file " + abs + ": " + e.getMessage(), e, kind);
        };
    }

    /** A failure of a read or write ({@code verb}) of an open file, in words. */
    static HistoryException using(Path file, String verb, SQLException e) {
        HistoryException.Kind kind = kindOf(e);
        return new HistoryException("cannot " + verb + " the history file " + file + ": "
                + (kind == HistoryException.Kind.DAMAGED ? damage(e) : e.getMessage()), e, kind);
    }

    /** True for a missing or empty file, or one that starts with SQLite's header; unreadable ones are left to SQLite. */
    static boolean looksLikeSqlite(Path file) {
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return head.length == 0 || Arrays.equals(head, magic);
        } catch (IOException e) {
            return true;
        }
    }

    /** SQLite's primary result code, in the kinds callers act on. */
    static HistoryException.Kind kindOf(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case 3, 8, 14, 23 -> HistoryException.Kind.UNWRITABLE; // PERM, READONLY*, CANTOPEN, AUTH
            case 11, 26 -> HistoryException.Kind.DAMAGED; // CORRUPT, NOTADB
            default -> HistoryException.Kind.OTHER;
        };
    }

    /** Whether {@code t} or any of its causes says the file is damaged. */
    static boolean damaged(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HistoryException h && h.kind() == HistoryException.Kind.DAMAGED
                    || c instanceof SQLException s && kindOf(s) == HistoryException.Kind.DAMAGED) {
                return true;
            }
        }
        return false;
    }

    private static String damage(SQLException e) {
        return (e.getErrorCode() & 0xff) == 26 ? "it is not a SQLite database" : "it is damaged or cut short (" + code(e) + ")";
    }

    /** {@code SQLITE_CANTOPEN} out of sqlite-jdbc's "[SQLITE_CANTOPEN] Unable to open ..." text. */
    private static String code(SQLException e) {
        Matcher m = SQLITE_CODE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "SQLite error " + e.getErrorCode();
    }

    /** Why the history's folder or file cannot be written, in words a user can act on. */
    static String whyNotWritable(Path file, IOException e) {
        Path folder = file.getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException || existing != null && !Files.isWritable(existing)) {
            return "the folder is not writable (permission denied)";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "the file " + file.getFileName() + " is read-only";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e != null ? e.toString() : CANNOT_CREATE;
    }

    /** The file's identity (inode; its creation time where there are none), or {@code null} when it does not exist. */
    static Object fileKey(Path file) {
        try {
            var attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Moves a damaged file aside as {@code <name>.corrupt-<stamp>} (with {@code -2}, {@code -3}... rather than
     * replacing an earlier copy), with its {@code -wal} and {@code -shm}. The connection must be closed.
     *
     * @throws HistoryException ({@link HistoryException.Kind#DAMAGED}) when it cannot be moved; it is then untouched
     */
    static Path setAside(Path abs, Clock clock, HistoryException why) {
        Path aside = KeptAside.name(abs, clock.instant(), "-wal", "-shm");
        try {
            Files.move(abs, aside);
        } catch (IOException e) {
            throw new HistoryException(abs + " could not be read (" + reason(why) + ") and could not be moved aside ("
                    + whyNotWritable(abs, e) + "); it is left untouched and nothing is recorded", e,
                    HistoryException.Kind.DAMAGED);
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = abs.resolveSibling(abs.getFileName() + suffix);
            try {
                if (Files.exists(side, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            } catch (IOException e) {
                // a journal left behind would be replayed into the fresh file: better no fresh file than a mix
                throw new HistoryException(abs + " was moved aside as " + aside.getFileName() + " but its " + suffix
                        + " file could not be (" + whyNotWritable(abs, e) + ")", e, HistoryException.Kind.DAMAGED);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "damaged history file " + abs + " kept as " + aside.getFileName());
        return aside;
    }

    /** The one line a user sees after a damaged file was set aside. */
    static String keptAs(Path abs, HistoryException why, Path aside) {
        return abs + " could not be read (" + reason(why) + "); it was kept as " + aside.getFileName()
                + " and a fresh history was started";
    }

    /** "it is not a SQLite database" out of "cannot use the history file X: it is not a SQLite database". */
    private static String reason(HistoryException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.lastIndexOf(": ");
        return i < 0 ? m : m.substring(i + 2);
    }
}
