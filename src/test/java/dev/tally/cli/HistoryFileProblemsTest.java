package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A history file Tally cannot write, or a damaged one: read-only commands still answer, {@code tally balance}
 * still prints balances, a damaged file is kept aside and a fresh history started — each said in one clear line.
 */
class HistoryFileProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the fixed test clock (2026-11-22T05:00:00Z) names a file set aside. */
    private static final String STAMP = "20261122-050000";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final AtomicReference<String> balance = new AtomicReference<>("100.00");
    private final ManualClock clock = new ManualClock(ProviderHarness.NOW);

    @AfterEach
    void stop() throws Exception {
        server.close();
        // give the folders back their bits so JUnit can delete them
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).env("TALLY_KEYCHAIN", "off").clock(clock);
    }

    private void serveBalance() {
        server.handle("/user/balance", ex -> {
            byte[] b = ("{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"" + balance.get()
                    + "\",\"granted_balance\":\"0.00\",\"topped_up_balance\":\"" + balance.get() + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
    }

    private void deepseekAccount(CliRunner runner) {
        serveBalance();
        CliRunner.Result r = runner.run("accounts", "add", "--provider", "deepseek", "--label", "ds", "--base-url",
                server.baseUrl().toString());
        assertEquals("deepseek-ds", r.out().strip(), r.err());
    }

    private static void assertNoSqliteJargon(String text) {
        assertFalse(text.contains("SQLITE_READONLY") || text.contains("[SQLITE_") || text.contains("Exception"),
                "a clear message, not SQLite's: " + text);
    }

    // ------------------------------------------------------------------ a history Tally cannot write

    @Test
    void aDataFolderThatIsAFileStillShowsBalancesAndStatusWithOneClearLine() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "separate config and data folders come from the XDG variables, which Tally reads on Linux");
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Path dataDir = data.resolve("tally");
        Files.writeString(dataDir, "not a folder");
        CliRunner xdg = cli().without("TALLY_HOME").env("XDG_CONFIG_HOME", home.resolve("config").toString())
                .env("XDG_DATA_HOME", data.toString());
        deepseekAccount(xdg);

        CliRunner.Result balance = xdg.run("balance", "deepseek-ds");
        assertEquals(0, balance.code(), "the balance was fetched: " + balance.all());
        assertTrue(balance.out().contains("100.00 CNY"), balance.out());
        assertEquals(List.of("tally: cannot write the history in " + dataDir + ": " + dataDir
                + " is a file, not a folder — balances are shown but not recorded"), balance.err().lines().toList());

        CliRunner.Result status = xdg.run("status");
        assertEquals(0, status.code(), status.all());
        assertEquals("DeepSeek (ds): no balance recorded yet", status.out().strip());
        assertEquals(1, status.err().lines().count(), status.err());
        assertTrue(status.err().startsWith("tally: cannot write the history in " + dataDir + ": " + dataDir
                + " is a file, not a folder; there is no history to show"), status.err());

        CliRunner.Result history = xdg.run("history", "deepseek-ds", "--json");
        assertEquals(0, history.code(), history.all());
        assertEquals(0, JSON.readTree(history.out()).get("currencies").size());
        assertEquals("not a folder", Files.readString(dataDir), "nothing was lost");
    }

    /**
     * As root (CI) permission bits do not stop anything; a {@code history.db-wal} that is a folder stops SQLite from
     * creating its journal just as a read-only folder does, so the same path runs everywhere.
     */
    @Test
    void whenSqliteCannotCreateItsJournalReadOnlyCommandsReadTheHistoryReadOnly() throws Exception {
        deepseekAccount(cli());
        assertEquals(0, cli().run("balance", "deepseek-ds").code());
        clock.advance(Duration.ofMinutes(5));
        balance.set("90.00");
        assertEquals(0, cli().run("balance", "deepseek-ds").code());
        Files.createDirectory(home.resolve("history.db-wal"));
        byte[] before = Files.readAllBytes(home.resolve("history.db"));

        CliRunner.Result status = cli().run("status");
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().startsWith("DeepSeek (ds): 90.00 CNY"), status.out());
        assertEquals(1, status.err().lines().count(), status.err());
        assertTrue(status.err().startsWith("tally: cannot write the history in " + home + ": "), status.err());
        assertTrue(status.err().strip().endsWith("; showing it read-only (nothing new is recorded)"), status.err());

        JsonNode h = JSON.readTree(cli().run("history", "deepseek-ds", "--json").out());
        JsonNode cny = h.get("currencies").get(0);
        assertEquals(2, cny.get("snapshots").size());
        assertEquals("10.00", cny.get("spendTotal").asText());

        balance.set("80.00");
        CliRunner.Result fetch = cli().run("balance", "deepseek-ds");
        assertEquals(0, fetch.code(), fetch.all());
        assertTrue(fetch.out().contains("80.00 CNY"), fetch.out());
        assertEquals(1, fetch.err().lines().count(), fetch.err());
        assertTrue(fetch.err().strip().endsWith("— balances are shown but not recorded"), fetch.err());
        assertArrayEquals(before, Files.readAllBytes(home.resolve("history.db")), "the history was left as it was");
    }

    @Test
    void aReadOnlyFolderIsNamedAsSuch() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "permission bits do not stop root; the journal test above covers the same path");
        deepseekAccount(cli());
        assertEquals(0, cli().run("balance", "deepseek-ds").code());
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));

        CliRunner.Result status = cli().run("status");
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().startsWith("DeepSeek (ds): 100.00 CNY"), status.out());
        assertTrue(status.err().contains("cannot write the history in " + home
                + ": the folder is not writable (permission denied)"), status.err());
        assertNoSqliteJargon(status.err().replaceAll("\\(SQLITE_[A-Z_]+\\)", ""));
        assertEquals(0, cli().run("history", "deepseek-ds").code());
        CliRunner.Result fetch = cli().run("balance", "deepseek-ds");
        assertEquals(0, fetch.code(), fetch.all());
        assertTrue(fetch.err().contains("the folder is not writable (permission denied)"), fetch.err());
    }

    // ------------------------------------------------------------------ a damaged history

    @Test
    void aFileOfGarbageIsKeptAsideWithItsJournalAndAFreshHistoryStarts() throws Exception {
        deepseekAccount(cli());
        byte[] garbage = "this is not a database, it is a shopping list\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("history.db"), garbage);
        Files.writeString(home.resolve("history.db-wal"), "half a journal");
        Files.writeString(home.resolve("history.db-shm"), "shared memory");

        CliRunner.Result status = cli().run("status");
        assertEquals(0, status.code(), status.all());
        assertEquals("DeepSeek (ds): no balance recorded yet", status.out().strip());
        assertEquals(List.of("tally: " + home.resolve("history.db") + " could not be read (it is not a SQLite database); "
                + "it was kept as history.db.corrupt-" + STAMP + " and a fresh history was started"), status.err().lines().toList());
        assertArrayEquals(garbage, Files.readAllBytes(home.resolve("history.db.corrupt-" + STAMP)), "kept as it was");
        assertEquals("half a journal", Files.readString(home.resolve("history.db.corrupt-" + STAMP + "-wal")));
        assertEquals("shared memory", Files.readString(home.resolve("history.db.corrupt-" + STAMP + "-shm")));

        CliRunner.Result fetch = cli().run("balance", "deepseek-ds");
        assertEquals(0, fetch.code());
        assertEquals("", fetch.err(), "the fresh history records without a warning");
        assertTrue(cli().run("status").out().contains("100.00 CNY"));

        // damaged again in the same second: a second copy, the first one untouched
        Files.write(home.resolve("history.db"), "garbage again, a different list ".repeat(100).getBytes(StandardCharsets.UTF_8));
        CliRunner.Result again = cli().run("history", "deepseek-ds");
        assertEquals(0, again.code(), again.all());
        assertTrue(again.err().contains("it was kept as history.db.corrupt-" + STAMP + "-2 and"), again.err());
        assertArrayEquals(garbage, Files.readAllBytes(home.resolve("history.db.corrupt-" + STAMP)));
    }

    @Test
    void aTruncatedDatabaseIsKeptAsideAndBalanceRecordsIntoAFreshOne() throws Exception {
        deepseekAccount(cli());
        // enough rows for a file of many pages
        for (int i = 0; i < 40; i++) {
            balance.set(new java.math.BigDecimal("1000.00").subtract(java.math.BigDecimal.valueOf(i)).toPlainString());
            assertEquals(0, cli().run("balance", "deepseek-ds").code());
            clock.advance(Duration.ofMinutes(5));
        }
        Path db = home.resolve("history.db");
        long size = Files.size(db);
        assertTrue(size >= 8 * 4096, "a database of several pages: " + size);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant());

        balance.set("500.00");
        CliRunner.Result fetch = cli().run("balance", "deepseek-ds");
        assertEquals(0, fetch.code(), fetch.all());
        assertTrue(fetch.out().contains("500.00 CNY"), fetch.out());
        assertEquals(List.of("tally: " + db + " could not be read (it is damaged or cut short (SQLITE_CORRUPT)); it was kept as "
                + "history.db.corrupt-" + stamp + " and a fresh history was started"), fetch.err().lines().toList());
        assertEquals(size / 2, Files.size(home.resolve("history.db.corrupt-" + stamp)));

        CliRunner.Result history = cli().run("history", "deepseek-ds", "--json");
        assertEquals(0, history.code(), history.all());
        assertEquals("", history.err());
        JsonNode snapshots = JSON.readTree(history.out()).get("currencies").get(0).get("snapshots");
        assertEquals(1, snapshots.size(), "the fresh history holds what was fetched since");
        assertEquals("500.00", snapshots.get(0).get("total").asText());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }
}
