package dev.tally.account;

import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known top-ups survive a save and a load, older files still load, and the newest one is the basis. */
class KnownTopUpStoreTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aFileFromBeforeTopUpsLoadsWithNoneAndIsWrittenWithoutTheField() throws Exception {
        Files.writeString(dir.resolve("accounts.json"), """
                {"version": 1, "accounts": [{"id": "openai", "provider": "openai", "label": "OpenAI",
                  "region": null, "baseUrl": null, "threshold": null, "intervalMinutes": 5}]}""");
        AccountStore store = new AccountStore(dir, FIXED);
        Account a = store.load().accounts().getFirst();
        assertEquals(List.of(), a.topUps());
        assertNull(a.topUp());
        store.update(list -> list);
        assertFalse(Files.readString(dir.resolve("accounts.json")).contains("topUps"));
    }

    @Test
    void topUpsAreKeptExactlyAndTheNewestIsTheBasisWhateverOrderTheyCameIn() {
        AccountStore store = new AccountStore(dir, FIXED);
        KnownTopUp nov = new KnownTopUp(Money.of("120.00", "USD"), Instant.parse("2026-11-30T00:00:00Z"));
        KnownTopUp oct = new KnownTopUp(Money.of("50", "USD"), Instant.parse("2026-10-01T00:00:00Z"));
        Account a = new Account("openai", ProviderId.of("openai"), "OpenAI", null, null, null, null, 5);
        store.update(list -> List.of(a.withTopUp(nov)));
        store.update(list -> List.of(list.getFirst().withTopUp(oct)));

        Account loaded = store.load().accounts().getFirst();
        assertEquals(List.of(oct, nov), loaded.topUps(), "both kept, oldest first");
        assertEquals(nov, loaded.topUp(), "an older top-up typed later does not replace the newer one");
        assertEquals("120.00", loaded.topUp().amount().plain(), "the amount keeps its scale");
    }

    @Test
    void aDamagedTopUpKeepsTheFileAsideLikeAnyOtherBadEntry() throws Exception {
        Files.writeString(dir.resolve("accounts.json"), """
                {"version": 1, "accounts": [{"id": "openai", "provider": "openai", "label": "OpenAI",
                  "topUps": [{"amount": "lots", "currency": "USD", "at": "2026-11-30T00:00:00Z"}]}]}""");
        AccountStore.Loaded loaded = new AccountStore(dir, FIXED).load();
        assertTrue(loaded.accounts().isEmpty());
        assertTrue(loaded.warning().orElseThrow().contains("top-up"), loaded.warning().orElseThrow());
    }

    @Test
    void typedTopUpsNeedACurrencyAndAPastDate() {
        assertEquals(Money.of("120", "USD"), TopUps.parseAmount("$120"));
        assertEquals(Money.of("120.50", "USD"), TopUps.parseAmount("120.50 usd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopUps.parseAmount("120"))
                .getMessage().contains("which currency"));
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), TopUps.parseWhen("2026-11-30", FIXED));
        assertEquals(Instant.parse("2026-11-30T18:00:00Z"), TopUps.parseWhen("2026-11-30T18:00", FIXED));
        assertEquals(Instant.parse("2026-11-30T17:00:00Z"), TopUps.parseWhen("2026-11-30T18:00+01:00", FIXED));
        assertEquals(FIXED.instant(), TopUps.parseWhen(null, FIXED));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopUps.parseWhen("2026-12-24", FIXED))
                .getMessage().contains("future"));
    }

    @Test
    void keyCommandsAndTopUpsBothSurviveTheFileAndEachOthersEdits() {
        AccountStore store = new AccountStore(dir, FIXED);
        KnownTopUp nov = new KnownTopUp(Money.of("120.00", "USD"), Instant.parse("2026-11-30T00:00:00Z"));
        List<String> command = List.of("pass", "show", "openai/admin");
        Account a = new Account("openai", ProviderId.of("openai"), "OpenAI", null, null, null, null, 5)
                .withKeyCommand("admin", command).withTopUp(nov).withLabel("OpenAI (work)");
        store.update(list -> List.of(a));

        Account loaded = store.load().accounts().getFirst();
        assertEquals(java.util.Map.of("admin", command), loaded.keyCommands(), "the key command is read back");
        assertEquals(List.of(nov), loaded.topUps(), "and so is the top-up");
        assertEquals(List.of(nov), loaded.withKeyCommand("admin", null).topUps(), "a key-command edit keeps top-ups");
        assertEquals(java.util.Map.of("admin", command), loaded.withoutTopUps().keyCommands(),
                "forgetting top-ups keeps the key command");
    }
}
