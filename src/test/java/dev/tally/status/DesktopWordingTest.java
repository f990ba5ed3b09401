package dev.tally.status;

import dev.tally.core.FetchError;
import dev.tally.core.Remedy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The desktop's advice, once produced by rewriting command-line text with regular expressions (the former
 * {@code DesktopTextTest}), now said from the typed remedy: the same sentences, and nothing to rewrite.
 */
class DesktopWordingTest {

    @Test
    void moonshotsRegionHintNamesTheSettingNotTheFlag() {
        FetchError e = new FetchError.AuthFailed("the key was rejected by api.moonshot.cn (HTTP 401); this account uses"
                + " 'china'", new Remedy.CheckRegion());
        assertEquals("the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check the region"
                + " (--region)", Remedies.commandLine(e));
        assertEquals("the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check Settings → Region",
                Remedies.desktop(e));
        assertEquals("the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check the Region above",
                Remedies.inSettings(e));
    }

    @Test
    void xaisMissingTeamIdSaysWhereToEnterIt() {
        FetchError adHoc = new FetchError.NoKey("no xAI team id for xAI", new Remedy.SetField("team_id", "Team id", null,
                "XAI_TEAM_ID", "console.x.ai → Settings → Team"));
        assertEquals("no xAI team id for xAI: enter the Team id above or set XAI_TEAM_ID (console.x.ai → Settings → Team)",
                Remedies.inSettings(adHoc));
        assertEquals("no xAI team id for xAI: pass --team-id TEAM_ID or set XAI_TEAM_ID (console.x.ai → Settings → Team)",
                Remedies.commandLine(adHoc));
        FetchError account = new FetchError.NoKey("no xAI team id for xAI (work)", new Remedy.SetField("team_id",
                "Team id", "xai-work", "XAI_TEAM_ID", null));
        assertEquals("no xAI team id for xAI (work): enter the Team id in Settings or set XAI_TEAM_ID",
                Remedies.desktop(account));
        assertEquals("no xAI team id for xAI (work): add it with 'tally accounts edit xai-work --team-id TEAM_ID'"
                + " (or in Settings) or set XAI_TEAM_ID", Remedies.commandLine(account));
    }

    @Test
    void keyCommandsBecomeSettings() {
        FetchError e = new FetchError.NoKey("no key for DeepSeek", new Remedy.SetKey("deepseek", null,
                List.of("DEEPSEEK_API_KEY")));
        assertEquals("no key for DeepSeek — enter the key in Settings or set DEEPSEEK_API_KEY", Remedies.desktop(e));
        assertEquals("no key for DeepSeek — run 'tally keys set deepseek' or set DEEPSEEK_API_KEY", Remedies.commandLine(e));
    }

    @Test
    void otherMessagesAreLeftAlone() {
        String m = "the key was rejected by api.deepseek.com (HTTP 401: Authentication Fails)";
        assertEquals(m, Remedies.desktop(new FetchError.AuthFailed(m)));
        assertEquals(m, Remedies.inSettings(new FetchError.AuthFailed(m)));
    }
}
