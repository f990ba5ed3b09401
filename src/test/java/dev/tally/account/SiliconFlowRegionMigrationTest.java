package dev.tally.account;

import dev.tally.core.ProviderId;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SiliconFlow's default region changed from China to international when SiliconFlow retired the China balance API:
 * an account saved without a region was a China account and stays one; a new account is international and is saved
 * with its region written out, so it is never read as an old one.
 */
class SiliconFlowRegionMigrationTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private AccountStore store() {
        return new AccountStore(dir, FIXED);
    }

    @Test
    void anAccountSavedWithoutARegionIsReadAsChinaAndSavedSo() throws IOException {
        try (var in = getClass().getResourceAsStream("/accounts/before-regions.json")) {
            Files.write(dir.resolve("accounts.json"), in.readAllBytes());
        }
        AccountStore.Loaded loaded = store().load();
        assertTrue(loaded.warning().isEmpty(), loaded.warning().toString());
        assertEquals("china", loaded.accounts().get(0).region(), "no region key: saved when China was the default");
        assertEquals("china", loaded.accounts().get(1).region(), "region null: saved when China was the default");
        assertEquals(dev.tally.core.Money.of("20", "CNY"), loaded.accounts().get(0).threshold(),
                "the CNY threshold still fits the region it is read as");
        assertNull(loaded.accounts().get(2).region(), "a single-host provider keeps no region");

        store().save(loaded.accounts());
        String file = Files.readString(dir.resolve("accounts.json"));
        assertEquals(2, file.split("\"region\" : \"china\"", -1).length - 1, "China written out: " + file);
        assertEquals(loaded.accounts(), store().load().accounts(), "saved again, it reads back the same");
    }

    @Test
    void aNewAccountIsInternationalAndSavedWithItsRegion() throws IOException {
        ProviderInfo info = ProviderCatalog.standard().info(ProviderId.of("siliconflow"));
        assertEquals("global", info.defaultRegion().id(), "a new account asks the international site");
        assertEquals("USD", info.defaultRegion().currency());

        Account fresh = new Account("siliconflow", ProviderId.of("siliconflow"), "SiliconFlow", null, null, null,
                null, Account.DEFAULT_INTERVAL);
        store().save(List.of(fresh));
        assertTrue(Files.readString(dir.resolve("accounts.json")).contains("\"region\" : \"global\""),
                "the default is written out, so this account is never taken for one saved before regions");
        assertEquals("global", store().load().accounts().getFirst().region());
    }
}
