package dev.tally.history;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The spend since a known top-up is kept in the history, so {@code tally status} can show the estimate too. */
class SpendSinceHistoryTest {
    private static final Instant AT = Instant.parse("2026-11-22T05:00:00Z");

    @TempDir
    Path dir;

    private static BalanceSnapshot openAi(SpendSince since) {
        return new BalanceSnapshot(ProviderId.of("openai"), AT, null, List.of(),
                new SpendReport(Money.of("12.3400", "USD"), SpendReport.MONTH_TO_DATE,
                        Instant.parse("2026-11-01T00:00:00Z"), AT, since), null);
    }

    @Test
    void theSpendSinceATopUpComesBackExactly() {
        SpendSince since = new SpendSince(Money.of("41.20", "USD"), Instant.parse("2026-10-30T14:00:00Z"),
                Instant.parse("2026-10-31T00:00:00Z"), AT, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            store.writer().recordSnapshot("openai", openAi(since), HistoryStore.SOURCE_POLL);
        }
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            assertEquals(openAi(since), store.reader().lastSnapshot("openai").orElseThrow());
        }
    }

    @Test
    void aVersion1FileIsMigratedAndKeepsItsSnapshots() throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("openai", openAi(null), HistoryStore.SOURCE_POLL);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String col : List.of("since_spend", "since_asked", "since_from", "since_bucket_end")) {
                st.execute("ALTER TABLE snapshot DROP COLUMN " + col);
            }
            st.execute("PRAGMA user_version = 1");
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            BalanceSnapshot back = store.reader().lastSnapshot("openai").orElseThrow();
            assertEquals(openAi(null), back);
            assertNull(back.spend().since());
        }
    }
}
