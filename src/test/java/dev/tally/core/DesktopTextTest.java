package dev.tally.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Command-line advice in engine messages, said the desktop's way. */
class DesktopTextTest {

    @Test
    void moonshotsRegionHintNamesTheSettingNotTheFlag() {
        String cli = "the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check the region (--region)";
        assertEquals("the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check Settings → Region",
                DesktopText.of(cli));
        assertEquals("the key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check the Region above",
                DesktopText.inSettings(cli));
    }

    @Test
    void xaisMissingTeamIdSaysWhereToEnterIt() {
        assertEquals("no xAI team id for xAI: enter the Team id above or set XAI_TEAM_ID (console.x.ai → Settings → Team)",
                DesktopText.inSettings("no xAI team id for xAI: pass --team-id TEAM_ID or set XAI_TEAM_ID"
                        + " (console.x.ai → Settings → Team)"));
        assertEquals("no xAI team id for xAI (work): enter the Team id in Settings or set XAI_TEAM_ID",
                DesktopText.of("no xAI team id for xAI (work): add it with 'tally accounts edit xai-work --team-id TEAM_ID'"
                        + " (or in Settings) or set XAI_TEAM_ID"));
    }

    @Test
    void keyCommandsBecomeSettings() {
        assertEquals("no key for DeepSeek — enter the key in Settings or set DEEPSEEK_API_KEY",
                DesktopText.of("no key for DeepSeek — run 'tally keys set deepseek' or set DEEPSEEK_API_KEY"));
        assertEquals("no api key for X (enter it in Settings or set DEEPSEEK_API_KEY)",
                DesktopText.of("no api key for X (set it with 'tally keys set' or DEEPSEEK_API_KEY)"));
    }

    @Test
    void otherMessagesAreLeftAlone() {
        String m = "the key was rejected by api.deepseek.com (HTTP 401: Authentication Fails)";
        assertEquals(m, DesktopText.of(m));
        assertNull(DesktopText.of(null));
    }
}
