package dev.tally.history;

import dev.tally.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HistoryStore#openRecovering}: a damaged history is kept aside and a fresh one started, never a dead end. */
class HistoryRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T05:00:00Z"));
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private HistoryStore open(Path db) {
        return HistoryStore.openRecovering(db, clock, notices::add);
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void garbageIsSetAsideWhenOpenedAndEarlierCopiesAreNeverReplaced() throws Exception {
        Path db = dir.resolve("history.db");
        byte[] first = "a shopping list, not a database\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(db, first);
        try (HistoryStore store = open(db)) {
            assertTrue(store.reader().accounts().isEmpty(), "a fresh history");
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "1.00"));
        }
        assertEquals(List.of(db + " could not be read (it is not a SQLite database); it was kept as "
                + "history.db.corrupt-20261122-050000 and a fresh history was started"), notices);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("history.db.corrupt-20261122-050000")));

        Files.writeString(db, "another shopping list ".repeat(50));
        try (HistoryStore store = open(db)) {
            assertTrue(store.reader().accounts().isEmpty());
        }
        assertTrue(notices.get(1).contains("kept as history.db.corrupt-20261122-050000-2 "), notices.get(1));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("history.db.corrupt-20261122-050000")), "first copy kept");
    }

    @Test
    void damageFoundByALaterReadIsSetAsideAndTheReadAnswersFromTheFreshHistory() throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            List<dev.tally.core.BalanceSnapshot> many = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                many.add(Snap.deepseek(T0.plus(Duration.ofMinutes(5L * i)), "CNY", (5000 - i) + ".00"));
            }
            store.writer().recordSnapshots("ds", many, HistoryStore.SOURCE_POLL);
        }
        long size = Files.size(db);
        // page 1 (header and schema) stays intact, so opening works; the table pages behind it are overwritten
        byte[] junk = new byte[(int) size - 3 * 4096];
        Arrays.fill(junk, (byte) 0x5a);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(junk), 2 * 4096);
        }

        try (HistoryStore store = open(db)) {
            assertTrue(notices.isEmpty(), "the damage is not visible when opening: " + notices);
            assertTrue(store.reader().lastSnapshot("ds").isEmpty(), "the read that hit the damage answers from the fresh history");
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.getFirst().startsWith(db + " could not be read (it is damaged or cut short (SQLITE_CORRUPT)); "
                    + "it was kept as history.db.corrupt-20261122-050000"), notices.getFirst());
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "7.00"));
            assertEquals("7.00", store.reader().lastSnapshot("ds").orElseThrow().balances().getFirst().total().toPlainString());
        }
        assertEquals(size, Files.size(dir.resolve("history.db.corrupt-20261122-050000")), "kept whole");
        assertTrue(names(dir).contains("history.db"));
    }

    @Test
    void withoutRecoveryADamagedFileIsAnErrorAndLeftAlone() throws Exception {
        Path db = dir.resolve("history.db");
        Files.writeString(db, "not a database ".repeat(100));
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(db));
        assertEquals(HistoryException.Kind.DAMAGED, e.kind());
        assertEquals(List.of("history.db"), names(dir));
    }

    @Test
    void aNewerTallysFileIsNeverSetAside() throws Exception {
        Path db = dir.resolve("history.db");
        HistoryStore.open(db).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> open(db));
        assertEquals(HistoryException.Kind.NEWER, e.kind());
        assertTrue(notices.isEmpty());
        assertFalse(names(dir).stream().anyMatch(n -> n.contains("corrupt")));
    }

    @Test
    void readOnlyOpeningReadsWithoutWritingAnything() throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("ds", Snap.deepseek(T0, "CNY", "3.00"));
        }
        Files.createDirectory(dir.resolve("history.db-wal"));
        byte[] before = Files.readAllBytes(db);
        try (HistoryStore store = HistoryStore.openReadOnly(db)) {
            assertEquals("3.00", store.reader().lastSnapshot("ds").orElseThrow().balances().getFirst().total().toPlainString());
            HistoryException e = assertThrows(HistoryException.class,
                    () -> store.writer().recordSnapshot("ds", Snap.deepseek(T0.plusSeconds(60), "CNY", "2.00")));
            assertEquals(HistoryException.Kind.UNWRITABLE, e.kind());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
        try (HistoryStore store = HistoryStore.openReadOnly(dir.resolve("missing.db"))) {
            assertTrue(store.reader().accounts().isEmpty(), "a missing file reads as an empty history");
        }
        assertFalse(Files.exists(dir.resolve("missing.db")), "and is not created");
    }
}
