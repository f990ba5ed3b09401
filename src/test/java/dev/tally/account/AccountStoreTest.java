package dev.tally.account;

import dev.tally.core.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad accounts file is kept aside with its content, never overwritten, and reported in one clear line. */
class AccountStoreTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private AccountStore store() {
        return new AccountStore(dir, FIXED);
    }

    private List<Path> keptAside() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("accounts.json.corrupt-")).sorted().toList();
        }
    }

    @Test
    void validJsonWithBadContentIsKeptAsideWithItsContentAndNamed() throws IOException {
        String bad = "{\"version\": 1, \"accounts\": [{\"id\": \"Not A Slug!\", \"provider\": \"deepseek\", \"label\": \"x\"}]}";
        Files.writeString(dir.resolve("accounts.json"), bad);

        AccountStore.Loaded loaded = store().load();

        assertTrue(loaded.accounts().isEmpty());
        String warning = loaded.warning().orElseThrow();
        assertTrue(warning.contains("Not A Slug!") && warning.contains("accounts.json.corrupt-20261126-100000"), warning);
        assertFalse(warning.contains("\n"), "one line: " + warning);
        assertEquals(List.of(dir.resolve("accounts.json.corrupt-20261126-100000")), keptAside());
        assertEquals(bad, Files.readString(keptAside().getFirst()), "the bad file is kept as it was");
        assertFalse(Files.exists(dir.resolve("accounts.json")));
    }

    @Test
    void duplicateIdsAndAMissingListAreReportedSpecifically() throws IOException {
        Files.writeString(dir.resolve("accounts.json"), "{\"version\": 1, \"accounts\": ["
                + "{\"id\": \"deepseek\", \"provider\": \"deepseek\", \"label\": \"a\"},"
                + "{\"id\": \"deepseek\", \"provider\": \"deepseek\", \"label\": \"b\"}]}");
        assertTrue(store().load().warning().orElseThrow().contains("account id 'deepseek' appears twice"));
        Files.writeString(dir.resolve("accounts.json"), "{\"version\": 1}");
        assertTrue(store().load().warning().orElseThrow().contains("it has no accounts list"));
    }

    @Test
    void twoBadFilesInTheSameSecondAreBothKept() throws IOException {
        Files.writeString(dir.resolve("accounts.json"), "{\"version\": 1, \"accounts\": [");
        store().load();
        Files.writeString(dir.resolve("accounts.json"), "not json at all");
        String warning = store().load().warning().orElseThrow();

        List<Path> aside = keptAside();
        assertEquals(2, aside.size(), "nothing is deleted: " + aside);
        assertEquals("{\"version\": 1, \"accounts\": [", Files.readString(dir.resolve("accounts.json.corrupt-20261126-100000")));
        assertEquals("not json at all", Files.readString(dir.resolve("accounts.json.corrupt-20261126-100000-2")));
        assertTrue(warning.contains("accounts.json.corrupt-20261126-100000-2"), warning);
    }

    @Test
    void anUnreadableFileIsLeftUntouchedNamedAndNeverOverwritten() throws IOException {
        Files.createDirectory(dir.resolve("accounts.json"));
        Files.writeString(dir.resolve("accounts.json").resolve("inside.txt"), "someone's data");

        AccountStore.Loaded loaded = store().load();

        assertTrue(loaded.accounts().isEmpty());
        assertFalse(loaded.writable(), "a file Tally cannot read must not be replaced");
        assertTrue(loaded.warning().orElseThrow().contains("it is a folder, not a file"), loaded.warning().orElseThrow());
        assertTrue(Files.exists(dir.resolve("accounts.json").resolve("inside.txt")));
    }

    @Test
    void savedAccountsReadBackExactly() {
        Account a = new Account("deepseek-work", ProviderId.of("deepseek"), "DeepSeek (work)", null, null, null,
                null, Account.DEFAULT_INTERVAL);
        store().save(List.of(a));
        AccountStore.Loaded loaded = store().load();
        assertEquals(List.of(a), loaded.accounts());
        assertTrue(loaded.warning().isEmpty());
    }

    @Test
    void aFileWrittenBeforeProviderFieldsReadsBackWithItsTeamId() throws IOException {
        // written by the AccountStore of 2026-12-02 (team id as its own "teamId" key)
        try (var in = AccountStoreTest.class.getResourceAsStream("/accounts/before-provider-fields.json")) {
            Files.write(dir.resolve("accounts.json"), in.readAllBytes());
        }
        AccountStore.Loaded loaded = store().load();
        assertTrue(loaded.warning().isEmpty(), loaded.warning().toString());
        assertTrue(loaded.writable());
        assertEquals(List.of("xai-work", "deepseek-home", "moonshot"), loaded.accounts().stream().map(Account::id).toList());
        Account xai = loaded.accounts().getFirst();
        assertEquals(java.util.Map.of("team_id", "team-4f2a"), xai.fields());
        assertEquals("team-4f2a", xai.field("team_id"));
        assertEquals(dev.tally.core.Money.of("10", "USD"), xai.threshold());
        assertEquals(java.util.Map.of(), loaded.accounts().get(1).fields(), "a null teamId is no field");
        assertEquals(java.net.URI.create("https://proxy.example.com/ds"), loaded.accounts().get(1).baseUrl());
        assertEquals(15, loaded.accounts().get(1).intervalMinutes());
        assertEquals("china", loaded.accounts().get(2).region());

        store().save(loaded.accounts());
        assertEquals(loaded.accounts(), store().load().accounts(), "saved again, it reads back the same");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("accounts.json").toFile())
                .get("accounts").get(0);
        assertEquals("team-4f2a", json.get("fields").get("team_id").asText());
        assertEquals("team-4f2a", json.get("teamId").asText(), "an earlier Tally reading this file still finds its team id");
    }

    @Test
    void providerFieldsReadBackAndAFieldsEntryThatIsNotAnObjectIsNamed() throws IOException {
        Account a = new Account("relay", ProviderId.of("deepseek"), "Relay", null, null,
                java.util.Map.of("base_url", "https://relay.example", "empty", " "), null, Account.DEFAULT_INTERVAL);
        assertEquals(java.util.Map.of("base_url", "https://relay.example"), a.fields(), "a blank value is no value");
        store().save(List.of(a));
        assertEquals(List.of(a), store().load().accounts());

        Files.writeString(dir.resolve("accounts.json"), "{\"version\": 1, \"accounts\": [{\"id\": \"xai\","
                + " \"provider\": \"xai\", \"fields\": [\"team-1\"]}]}");
        String warning = store().load().warning().orElseThrow();
        assertTrue(warning.contains("account 'xai' has fields that are not an object"), warning);

        Files.writeString(dir.resolve("accounts.json"), "{\"version\": 1, \"accounts\": [{\"id\": \"xai\","
                + " \"provider\": \"xai\", \"teamId\": \"old\", \"fields\": {\"team_id\": \"new\"}}]}");
        assertEquals("new", store().load().accounts().getFirst().field("team_id"), "\"fields\" wins over the legacy key");
    }
}
