package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home);
    }

    @Test
    void twoLabelledAccountsOfOneProviderGetDistinctIds() throws Exception {
        CliRunner.Result a = cli().run("accounts", "add", "--provider", "deepseek", "--label", "work", "--threshold", "5 CNY");
        CliRunner.Result b = cli().run("accounts", "add", "--provider", "deepseek", "--label", "personal");
        assertEquals(0, a.code(), a.err());
        assertEquals("deepseek-work", a.out().strip());
        assertEquals("deepseek-personal", b.out().strip());
        JsonNode list = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts");
        assertEquals(2, list.size());
        assertEquals("DeepSeek (work)", list.get(0).get("label").asText());
        assertEquals("5", list.get(0).get("threshold").get("amount").asText());
        assertEquals("CNY", list.get(0).get("threshold").get("currency").asText());
        assertEquals("missing", list.get(0).get("key").asText());
        assertEquals(5, list.get(0).get("intervalMinutes").asInt());
    }

    @Test
    void sameLabelTwiceIsRefused() {
        cli().run("accounts", "add", "--provider", "deepseek", "--label", "work");
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "deepseek", "--label", "work");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already"), r.err());
    }

    @Test
    void unsupportedProviderIsRefusedWithReason() {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "groq");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("balance check not supported"), r.err());
        assertFalse(Files.exists(home.resolve("accounts.json")));
    }

    @Test
    void badRegionUrlAmountAndIntervalAreRefusedSpecifically() {
        assertTrue(cli().run("accounts", "add", "--provider", "moonshot", "--region", "mars").err().contains("global, china"));
        assertTrue(cli().run("accounts", "add", "--provider", "deepseek", "--base-url", "http://example.com").err().contains("https"));
        assertTrue(cli().run("accounts", "add", "--provider", "deepseek", "--threshold", "lots").err().contains("not an amount"));
        assertTrue(cli().run("accounts", "add", "--provider", "deepseek", "--threshold", "5").err().contains("say which one"));
        assertTrue(cli().run("accounts", "add", "--provider", "deepseek", "--interval", "0").err().contains("between 1 and 1440"));
        assertFalse(Files.exists(home.resolve("accounts.json")), "nothing saved after refused input");
    }

    @Test
    void thresholdCurrencyFollowsTheRegion() throws Exception {
        cli().run("accounts", "add", "--provider", "moonshot", "--region", "china", "--threshold", "¥20");
        cli().run("accounts", "add", "--provider", "openrouter", "--threshold", "5");
        JsonNode list = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts");
        assertEquals("CNY", list.get(0).get("threshold").get("currency").asText());
        assertEquals("USD", list.get(1).get("threshold").get("currency").asText());
    }

    @Test
    void editChangesOnlyWhatWasGiven() throws Exception {
        cli().run("accounts", "add", "--provider", "moonshot", "--label", "cn", "--region", "china", "--threshold", "10");
        CliRunner.Result r = cli().run("accounts", "edit", "moonshot-cn", "--interval", "15", "--no-threshold");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals("china", a.get("region").asText());
        assertEquals(15, a.get("intervalMinutes").asInt());
        assertTrue(a.get("threshold").isNull());
    }

    @Test
    void removeNeedsConfirmationWithoutATerminal() throws Exception {
        cli().run("accounts", "add", "--provider", "deepseek");
        CliRunner.Result r = cli().run("accounts", "remove", "deepseek");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--yes"), r.err());
        assertEquals(0, cli().run("accounts", "remove", "deepseek", "--yes").code());
        assertEquals(0, JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").size());
    }

    @Test
    void anEmptyLabelIsRefusedAndEditsFollowTheSameLabelRules() throws Exception {
        CliRunner.Result empty = cli().run("accounts", "add", "--provider", "deepseek", "--label", " ");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("--label is empty"), empty.err());
        assertFalse(Files.exists(home.resolve("accounts.json")));

        cli().run("accounts", "add", "--provider", "deepseek", "--label", "work");
        cli().run("accounts", "add", "--provider", "deepseek", "--label", "personal");
        CliRunner.Result clash = cli().run("accounts", "edit", "deepseek-work", "--label", "personal");
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("already a DeepSeek account labelled 'DeepSeek (personal)'"), clash.err());
        assertEquals(2, cli().run("accounts", "edit", "deepseek-work", "--label", "").code());

        assertEquals(0, cli().run("accounts", "edit", "deepseek-work", "--label", "team").code());
        JsonNode list = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts");
        assertEquals("DeepSeek (team)", list.get(0).get("label").asText(), "the id stays, the label reads like one added so");
        assertEquals("deepseek-work", list.get(0).get("id").asText());
    }

    @Test
    void aThresholdInACurrencyTheAccountNeverReportsIsRefused() throws Exception {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "moonshot", "--region", "china", "--threshold", "5 USD");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("reports balances in CNY"), r.err());

        cli().run("accounts", "add", "--provider", "moonshot", "--threshold", "5");
        CliRunner.Result move = cli().run("accounts", "edit", "moonshot", "--region", "china");
        assertEquals(2, move.code(), "a USD alert would silently stop working after moving to the CNY platform");
        assertTrue(move.err().contains("give a --threshold in CNY"), move.err());
        assertEquals(0, cli().run("accounts", "edit", "moonshot", "--region", "china", "--threshold", "30").code());
        JsonNode t = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0).get("threshold");
        assertEquals("30 CNY", t.get("amount").asText() + " " + t.get("currency").asText());
    }

    @Test
    void contradictoryEditFlagsAreAUsageErrorNamingThePair() throws Exception {
        cli().run("accounts", "add", "--provider", "deepseek", "--threshold", "5 CNY", "--base-url", "https://proxy.example");
        String before = Files.readString(home.resolve("accounts.json"));
        CliRunner.Result url = cli().run("accounts", "edit", "deepseek", "--base-url", "https://other.example", "--no-base-url");
        assertEquals(2, url.code());
        assertEquals("tally: --base-url and --no-base-url contradict each other; give only one", url.err().strip());
        CliRunner.Result t = cli().run("accounts", "edit", "deepseek", "--threshold", "9 CNY", "--no-threshold");
        assertEquals(2, t.code());
        assertEquals("tally: --threshold and --no-threshold contradict each other; give only one", t.err().strip());
        assertEquals(before, Files.readString(home.resolve("accounts.json")), "nothing changed");
    }

    @Test
    void labelsWithLineBreaksOrTabsAreRefusedOnAddAndEdit() throws Exception {
        for (String bad : new String[] {"work\nrm -rf", "a\tb", "x\u2028y", "evil\u202Egnp"}) {
            CliRunner.Result add = cli().run("accounts", "add", "--provider", "deepseek", "--label", bad);
            assertEquals(2, add.code(), bad);
            assertEquals("tally: --label: a label must be one line without control characters (newline, tab, …)",
                    add.err().strip());
        }
        assertFalse(Files.exists(home.resolve("accounts.json")));
        cli().run("accounts", "add", "--provider", "deepseek", "--label", "work");
        CliRunner.Result edit = cli().run("accounts", "edit", "deepseek-work", "--label", "two\nlines");
        assertEquals(2, edit.code());
        assertEquals("DeepSeek (work)", JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0).get("label").asText());
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "Büro ☕").code(),
                "ordinary Unicode is fine");
    }

    @Test
    void xaiWithoutATeamIdWarnsOnAddAndTheBalanceSaysHowToFixTheAccount() {
        CliRunner.Result add = cli().run("accounts", "add", "--provider", "xai", "--label", "x");
        assertEquals(0, add.code(), add.err());
        assertEquals("xai-x", add.out().strip());
        assertTrue(add.err().contains("tally: warning: xAI needs a team id to check the balance and XAI_TEAM_ID is not set;"
                + " add it with 'tally accounts edit xai-x --team-id TEAM_ID'"), add.err());
        assertFalse(cli().run("accounts", "add", "--provider", "xai", "--label", "y", "--team-id", "t-1").err().contains("warning"));
        assertFalse(cli().env("XAI_TEAM_ID", "t-2").run("accounts", "add", "--provider", "xai", "--label", "z").err()
                .contains("warning"));

        CliRunner withKey = cli().env("XAI_MANAGEMENT_KEY", "xai-CANARY-0a1b2c3d4e5f6a7b8c9d");
        CliRunner.Result account = withKey.run("balance", "xai-x");
        assertEquals(1, account.code());
        assertEquals("xAI (x): no xAI team id for xAI (x): add it with 'tally accounts edit xai-x --team-id TEAM_ID'"
                + " (or in Settings) or set XAI_TEAM_ID (console.x.ai → Settings → Team)", account.out().strip());
        assertEquals(2, withKey.run("balance", "xai-x", "--team-id", "T").code(), "an account keeps its own settings");
        assertEquals(0, withKey.run("accounts", "edit", "xai-x", "--team-id", "T").code(), "the advice works");

        CliRunner.Result adHoc = new CliRunner(home.resolve("empty")).env("XAI_MANAGEMENT_KEY", "xai-CANARY-0a1b2c3d4e5f6a7b8c9d")
                .run("balance", "xai");
        assertEquals(1, adHoc.code());
        assertTrue(adHoc.out().contains(": pass --team-id TEAM_ID or set XAI_TEAM_ID"), adHoc.out());
        assertFalse(adHoc.all().contains("CANARY") || account.all().contains("CANARY"));
    }

    @Test
    void thresholdsThatCouldNeverFireAreRefused() throws Exception {
        CliRunner.Result openai = cli().run("accounts", "add", "--provider", "openai", "--threshold", "5");
        assertEquals(2, openai.code());
        assertEquals("tally: --threshold: OpenAI reports spend only, not a balance, so a low-balance alert would never"
                + " fire; leave the threshold out", openai.err().strip());
        CliRunner.Result euro = cli().run("accounts", "add", "--provider", "deepseek", "--threshold", "€5");
        assertEquals(2, euro.code());
        assertTrue(euro.err().contains("DeepSeek reports balances in CNY or USD, so an alert in EUR would never fire"),
                euro.err());
        assertFalse(Files.exists(home.resolve("accounts.json")));
        cli().run("accounts", "add", "--provider", "anthropic");
        CliRunner.Result edit = cli().run("accounts", "edit", "anthropic", "--threshold", "$5");
        assertEquals(2, edit.code());
        assertTrue(edit.err().contains("Anthropic reports spend only"), edit.err());
        assertFalse(cli().run("accounts", "list").out().contains("alert below"));
    }

    @Test
    void unknownAccountIsUsageError() {
        CliRunner.Result r = cli().run("accounts", "edit", "nope", "--interval", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no account 'nope'"), r.err());
    }

    @Test
    void futureVersionFileIsLeftAloneAndNotOverwritten() throws Exception {
        String future = "{\"version\": 99, \"accounts\": [], \"newThing\": true}";
        Files.writeString(home.resolve("accounts.json"), future);
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "deepseek");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("newer Tally"), r.err());
        assertEquals(future, Files.readString(home.resolve("accounts.json")));
    }

    @Test
    void providerFieldsAreGivenWithFieldOrTheirShorthandAndCheckedAgainstTheProvider() throws Exception {
        CliRunner.Result add = cli().run("accounts", "add", "--provider", "xai", "--label", "work", "--field", "team_id=team-1");
        assertEquals(0, add.code(), add.err());
        assertFalse(add.err().contains("warning"), add.err());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals("team-1", a.get("fields").get("team_id").asText());
        assertEquals("team-1", a.get("teamId").asText(), "the key earlier versions printed and read is still there");

        assertEquals(0, cli().run("accounts", "edit", "xai-work", "--team-id", "team-2").code());
        assertEquals("team-2", JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0).get("fields")
                .get("team_id").asText());
        assertEquals(0, cli().run("accounts", "edit", "xai-work", "--field", "team_id=").code(), "an empty value removes it");
        assertTrue(JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0).get("fields").isEmpty());

        CliRunner.Result both = cli().run("accounts", "edit", "xai-work", "--team-id", "a", "--field", "team_id=b");
        assertEquals(2, both.code());
        assertEquals("tally: --team-id and --field team_id say the same; give only one", both.err().strip());
        CliRunner.Result unknown = cli().run("accounts", "edit", "xai-work", "--field", "colour=blue");
        assertEquals(2, unknown.code());
        assertEquals("tally: --field colour: xAI has no field 'colour' (its fields: team_id)", unknown.err().strip());
        CliRunner.Result twoLines = cli().run("accounts", "edit", "xai-work", "--team-id", "team\n1");
        assertEquals(2, twoLines.code());
        assertEquals("tally: --team-id: a team id must be one line without control characters", twoLines.err().strip());

        CliRunner.Result deepseek = cli().run("accounts", "add", "--provider", "deepseek", "--field", "team_id=x");
        assertEquals(2, deepseek.code());
        assertEquals("tally: DeepSeek does not use a team id; drop --field team_id", deepseek.err().strip());
        CliRunner.Result shorthand = cli().run("accounts", "add", "--provider", "deepseek", "--team-id", "x");
        assertEquals("tally: DeepSeek does not use a team id; drop --team-id", shorthand.err().strip());
        assertEquals(1, JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").size(), "nothing refused was saved");
    }

    @Test
    void aKnownTopUpIsStoredAndTheNewestReplacesTheOlderWhileBothAreKept() throws Exception {
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai").code());
        CliRunner.Result r = cli().run("accounts", "edit", "openai", "--topup", "50 USD", "--topup-date", "2026-10-01");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, cli().run("accounts", "edit", "openai", "--topup", "120.00 USD", "--topup-date", "2026-11-20").code());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals(2, a.get("topUps").size(), "history keeps both");
        assertEquals("120.00", a.get("topUps").get(1).get("amount").asText());
        assertEquals("2026-11-20T00:00:00Z", a.get("topUps").get(1).get("at").asText());
        assertTrue(cli().run("accounts", "list").out().contains("top-up 120.00 USD"), "the newest is the one in effect");

        CliRunner.Result noCurrency = cli().run("accounts", "edit", "openai", "--topup", "120");
        assertEquals(2, noCurrency.code());
        assertTrue(noCurrency.err().contains("which currency"), noCurrency.err());
        assertEquals(2, cli().run("accounts", "edit", "openai", "--topup-date", "2026-11-20").code());

        assertEquals(0, cli().run("accounts", "edit", "openai", "--no-topup").code());
        assertFalse(JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0).has("topUps"));
    }

    @Test
    void addTakesAKnownTopUpAndAnAlertOnTheEstimateAtOnce() throws Exception {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "openai", "--topup", "$120", "--topup-date",
                "2026-10-01", "--threshold", "20");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals("120", a.get("topUps").get(0).get("amount").asText());
        assertEquals("USD", a.get("topUps").get(0).get("currency").asText());
        assertEquals("2026-10-01T00:00:00Z", a.get("topUps").get(0).get("at").asText());
        assertEquals("20", a.get("threshold").get("amount").asText(), "the alert watches the estimate");

        CliRunner.Result wrong = cli().run("accounts", "add", "--provider", "anthropic", "--topup", "100 USD",
                "--threshold", "5 EUR");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("in USD like your top-up"), wrong.err());
        CliRunner.Result dateOnly = cli().run("accounts", "add", "--provider", "anthropic", "--topup-date", "2026-11-30");
        assertEquals(2, dateOnly.code());
        assertEquals("tally: --topup-date needs --topup (what you had after that top-up)", dateOnly.err().strip());
        assertEquals(1, JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").size(),
                "nothing refused was saved");
    }

    @Test
    void aRelayGivenByBaseUrlIsNotSaidToLackItsUrl() {
        for (String provider : List.of("newapi", "litellm")) {
            CliRunner.Result r = cli().run("accounts", "add", "--provider", provider, "--base-url", "https://relay.example.com",
                    "--field", provider.equals("newapi") ? "user_id=42" : "litellm_url=");
            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains("URL"), provider + ": " + r.err());
        }
        CliRunner.Result bare = cli().run("accounts", "add", "--provider", "newapi", "--label", "bare", "--field", "user_id=7");
        assertTrue(bare.err().contains("needs a relay URL"), "without any URL the warning stays: " + bare.err());
    }
}
