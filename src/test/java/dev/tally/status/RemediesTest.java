package dev.tally.status;

import dev.tally.core.FetchError;
import dev.tally.core.Remedy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A remedy as each front end says it: the command line names the exact command, the desktop where to click. */
class RemediesTest {
    private static final Remedy.SetField TEAM = new Remedy.SetField("team_id", "Team id", "xai-work", "XAI_TEAM_ID",
            "console.x.ai → Settings → Team");

    private static void says(FetchError e, String commandLine, String desktop, String settings) {
        assertEquals(commandLine, Remedies.commandLine(e));
        assertEquals(desktop, Remedies.desktop(e));
        assertEquals(settings, Remedies.inSettings(e));
    }

    @Test
    void settingAKeyIsTheExactCommandOrTheKeyField() {
        says(new FetchError.NoKey("no key for DeepSeek (work)",
                        new Remedy.SetKey("deepseek-work", null, List.of("DEEPSEEK_API_KEY"))),
                "no key for DeepSeek (work) — run 'tally keys set deepseek-work' or set DEEPSEEK_API_KEY",
                "no key for DeepSeek (work) — enter the key in Settings or set DEEPSEEK_API_KEY",
                "no key for DeepSeek (work) — enter the key above or set DEEPSEEK_API_KEY");
    }

    @Test
    void aKeyOfOneOfSeveralSlotsNamesTheSlotOnTheCommandLine() {
        says(new FetchError.NoKey("no management key for OpenRouter",
                        new Remedy.SetKey("openrouter", "management", List.of("OPENROUTER_MANAGEMENT_KEY"))),
                "no management key for OpenRouter — run 'tally keys set openrouter --slot management' or set"
                        + " OPENROUTER_MANAGEMENT_KEY",
                "no management key for OpenRouter — enter the key in Settings or set OPENROUTER_MANAGEMENT_KEY",
                "no management key for OpenRouter — enter the key above or set OPENROUTER_MANAGEMENT_KEY");
    }

    @Test
    void withoutAnAccountThereIsNoKeychainEntryToSetOnlyTheVariables() {
        FetchError e = new FetchError.NoKey("no key for OpenRouter",
                new Remedy.SetKey(null, null, List.of("OPENROUTER_MANAGEMENT_KEY", "OPENROUTER_API_KEY")));
        assertEquals("no key for OpenRouter — set OPENROUTER_MANAGEMENT_KEY or OPENROUTER_API_KEY",
                Remedies.commandLine(e));
        assertFalse(Remedies.commandLine(e).contains("tally keys set"), "there is no account to set it for");
        assertEquals("no key for OpenRouter — enter the key in Settings or set OPENROUTER_MANAGEMENT_KEY or"
                + " OPENROUTER_API_KEY", Remedies.desktop(e));
    }

    @Test
    void aKeyWithoutAVariableIsOnlyTheCommand() {
        says(new FetchError.NoKey("no key for X", new Remedy.SetKey("x", null, List.of())),
                "no key for X — run 'tally keys set x'", "no key for X — enter the key in Settings",
                "no key for X — enter the key above");
        says(new FetchError.NoKey("no key for X", new Remedy.SetKey("x", "management", List.of())),
                "no key for X — run 'tally keys set x --slot management'", "no key for X — enter the key in Settings",
                "no key for X — enter the key above");
    }

    @Test
    void checkingTheRegionNamesTheOptionOrTheSetting() {
        says(new FetchError.AuthFailed("the key was rejected; this account uses 'china'", new Remedy.CheckRegion()),
                "the key was rejected; this account uses 'china' — check the region (--region)",
                "the key was rejected; this account uses 'china' — check Settings → Region",
                "the key was rejected; this account uses 'china' — check the Region above");
    }

    @Test
    void aProviderFieldIsTheEditCommandOrTheFieldByItsLabel() {
        says(new FetchError.NoKey("no xAI team id for xAI (work)", TEAM),
                "no xAI team id for xAI (work): add it with 'tally accounts edit xai-work --team-id TEAM_ID' (or in"
                        + " Settings) or set XAI_TEAM_ID (console.x.ai → Settings → Team)",
                "no xAI team id for xAI (work): enter the Team id in Settings or set XAI_TEAM_ID (console.x.ai →"
                        + " Settings → Team)",
                "no xAI team id for xAI (work): enter the Team id above or set XAI_TEAM_ID (console.x.ai → Settings"
                        + " → Team)");
    }

    @Test
    void aProviderFieldWithoutAnAccountIsAnOptionOfTheCommand() {
        Remedy.SetField adHoc = new Remedy.SetField("account_id", "Account id", null, null, null);
        says(new FetchError.NoKey("no account id for Cloudflare", adHoc),
                "no account id for Cloudflare: pass --account-id ACCOUNT_ID",
                "no account id for Cloudflare: enter the Account id in Settings",
                "no account id for Cloudflare: enter the Account id above");
        assertEquals("no xAI team id for xAI: pass --team-id TEAM_ID or set XAI_TEAM_ID", Remedies.commandLine(
                new FetchError.NoKey("no xAI team id for xAI", new Remedy.SetField("team_id", "Team id", null,
                        "XAI_TEAM_ID", null))));
        assertEquals("no url for X: add it with 'tally accounts edit x --base-url BASE_URL' (or in Settings)",
                Remedies.commandLine(new FetchError.NoKey("no url for X",
                        new Remedy.SetField("base-url", "Base URL", "x", null, null))));
    }

    @Test
    void nothingToDoAndWaitingAddNothingToTheMessage() {
        says(new FetchError.Timeout("no answer from x.test within 15 s"), "no answer from x.test within 15 s",
                "no answer from x.test within 15 s", "no answer from x.test within 15 s");
        FetchError limited = new FetchError.RateLimited("rate limited by x.test (HTTP 429)", Duration.ofSeconds(30));
        assertEquals(new Remedy.Wait(Duration.ofSeconds(30)), limited.remedy(), "a 429 says to wait");
        says(limited, "rate limited by x.test (HTTP 429)", "rate limited by x.test (HTTP 429)",
                "rate limited by x.test (HTTP 429)");
    }

    @Test
    void anotherMessageKeepsTheRemedyAndAnotherRemedyKeepsTheMessage() {
        FetchError e = new FetchError.NoKey("no xAI team id for xAI (work)", TEAM);
        assertEquals(TEAM, e.withMessage("other").remedy());
        assertEquals("other", e.withMessage("other").message());
        FetchError none = e.withRemedy(Remedy.NONE);
        assertEquals("no xAI team id for xAI (work)", Remedies.commandLine(none));
        assertEquals(e.status(), none.status());
    }

    @Test
    void fieldIdsBecomeOptionsAndPlaceholders() {
        assertEquals("--team-id", Remedies.option("team_id"));
        assertEquals("TEAM_ID", Remedies.placeholder("team_id"));
        assertEquals("--base-url", Remedies.option("base-url"));
        assertEquals("BASE_URL", Remedies.placeholder("base-url"));
    }
}
