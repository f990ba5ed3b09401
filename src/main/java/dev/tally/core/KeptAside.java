package dev.tally.core;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a damaged file is kept when Tally sets it aside instead of deleting it: {@code <name>.corrupt-<yyyyMMdd-HHmmss>}
 * next to it, with {@code -2}, {@code -3}... when that name (or one of its companion files) is taken, so an earlier
 * copy is never replaced. Stateless.
 */
public final class KeptAside {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private KeptAside() {
    }

    /**
     * A free name for {@code file}'s copy.
     *
     * @param companions suffixes of files that travel with it (e.g. {@code -wal}, {@code -shm}); their names must
     *                   be free too
     */
    public static Path name(Path file, Instant now, String... companions) {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(now);
        Path aside = file.resolveSibling(base);
        for (int n = 2; taken(aside, companions); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        return aside;
    }

    private static boolean taken(Path aside, String... companions) {
        if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        for (String suffix : companions) {
            if (Files.exists(aside.resolveSibling(aside.getFileName() + suffix), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }
}
