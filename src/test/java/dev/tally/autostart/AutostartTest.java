package dev.tally.autostart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Start-at-login entries, written into temporary folders (never the real home). */
class AutostartTest {
    @TempDir
    Path tmp;

    @Test
    void xdgEntryGoesUnderXdgConfigHomeAndStartsTheGivenCommand() throws Exception {
        Autostart a = Autostart.forOs("Linux", Map.of("XDG_CONFIG_HOME", tmp.resolve("cfg").toString()), tmp.resolve("home"));
        XdgAutostart xdg = assertInstanceOf(XdgAutostart.class, a);
        assertEquals(tmp.resolve("cfg/autostart/tally.desktop"), xdg.file());
        assertTrue(a.isSupported());
        assertFalse(a.isEnabled());

        a.enable(List.of("/opt/tally/bin/tally"));
        assertTrue(a.isEnabled());
        String entry = Files.readString(xdg.file());
        assertTrue(entry.startsWith("[Desktop Entry]\n"), entry);
        assertTrue(entry.contains("\nType=Application\n"), entry);
        assertTrue(entry.contains("\nExec=/opt/tally/bin/tally\n"), entry);
        assertTrue(entry.contains("\nName=Tally\n"), entry);

        a.disable();
        assertFalse(Files.exists(xdg.file()));
        assertFalse(a.isEnabled());
        a.disable();
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnoredAsTheSpecSays() {
        XdgAutostart a = XdgAutostart.fromEnv(Map.of("XDG_CONFIG_HOME", "relative/cfg"), tmp);
        assertEquals(tmp.resolve(".config/autostart/tally.desktop"), a.file());
    }

    @Test
    void execQuotesSpacesQuotesDollarsBackslashesAndPercentSigns() {
        assertEquals("\"/opt/My Apps/java\" -jar \"/home/a b/tally.jar\"",
                XdgAutostart.exec(List.of("/opt/My Apps/java", "-jar", "/home/a b/tally.jar")));
        // quoting escapes " $ ` \ with a backslash; the string escape then doubles every backslash
        assertEquals("\"say \\\\\"hi\\\\\"\" \"\\\\$HOME\" \"a\\\\\\\\b\" 100%%",
                XdgAutostart.exec(List.of("say \"hi\"", "$HOME", "a\\b", "100%")));
    }

    @Test
    void anEntrySwitchedOffInTheDesktopSettingsCountsAsDisabled() throws Exception {
        XdgAutostart a = new XdgAutostart(tmp);
        a.enable(List.of("tally"));
        Files.writeString(a.file(), Files.readString(a.file()).replace("X-GNOME-Autostart-enabled=true",
                "X-GNOME-Autostart-enabled=false"));
        assertFalse(a.isEnabled());
        Files.writeString(a.file(), "[Desktop Entry]\nExec=tally\nHidden=true\n");
        assertFalse(a.isEnabled());
    }

    @Test
    void commandsThatNoLauncherCanCarryAreRefused() {
        XdgAutostart a = new XdgAutostart(tmp);
        assertThrows(IllegalArgumentException.class, () -> a.enable(List.of()));
        assertThrows(IllegalArgumentException.class, () -> a.enable(List.of("tally", "a\nb")));
        assertFalse(Files.exists(a.file()));
    }

    @Test
    void aFolderThatCannotBeCreatedGivesAMessageNamingTheFile() throws Exception {
        Path blocker = tmp.resolve("cfg");
        Files.writeString(blocker, "not a folder");
        XdgAutostart a = new XdgAutostart(blocker.resolve("autostart"));
        IOException e = assertThrows(IOException.class, () -> a.enable(List.of("tally")));
        assertTrue(e.getMessage().startsWith("could not write " + a.file()), e.getMessage());
    }

    @Test
    void launchAgentIsAPlistInLibraryLaunchAgentsWithEscapedArguments() throws Exception {
        LaunchAgent a = assertInstanceOf(LaunchAgent.class, Autostart.forOs("Mac OS X", Map.of(), tmp));
        assertEquals(tmp.resolve("Library/LaunchAgents/dev.tally.plist"), a.file());
        a.enable(List.of("/Applications/Tally.app/Contents/MacOS/Tally", "--a&b<c>"));
        assertTrue(a.isEnabled());
        String plist = Files.readString(a.file());
        assertTrue(plist.contains("<key>Label</key>\n  <string>dev.tally</string>"), plist);
        assertTrue(plist.contains("    <string>/Applications/Tally.app/Contents/MacOS/Tally</string>\n"
                + "    <string>--a&amp;b&lt;c&gt;</string>\n"), plist);
        assertTrue(plist.contains("<key>RunAtLoad</key>\n  <true/>"), plist);
        a.disable();
        assertFalse(a.isEnabled());
    }

    @Test
    void windowsCommandLineQuotingSurvivesTheCRuntimeSplit() {
        assertEquals("\"C:\\Program Files\\Tally\\Tally.exe\"", WindowsRunKey.commandLine(List.of("C:\\Program Files\\Tally\\Tally.exe")));
        assertEquals("java -jar \"C:\\a b\\\\\" \"say \\\"hi\\\"\" \"\"",
                WindowsRunKey.commandLine(List.of("java", "-jar", "C:\\a b\\", "say \"hi\"", "")));
    }

    @Test
    void windowsRunValueIsWrittenAndRemovedThroughRegImport() throws Exception {
        List<List<String>> calls = new ArrayList<>();
        List<String> imported = new ArrayList<>();
        boolean[] present = {false};
        Path reg = tmp.resolve("reg.exe");
        Files.writeString(reg, "");
        WindowsRunKey a = new WindowsRunKey(reg, tmp, argv -> {
            calls.add(argv);
            if (argv.get(1).equals("import")) {
                byte[] b = Files.readAllBytes(Path.of(argv.get(2)));
                String text = new String(b, StandardCharsets.UTF_16LE);
                imported.add(text);
                present[0] = !text.contains("=-");
                return 0;
            }
            return present[0] ? 0 : 1;
        });
        assertTrue(a.isSupported());
        assertTrue(a.describe().contains("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"), a.describe());
        a.enable(List.of("C:\\Program Files\\Tally\\Tally.exe"));
        assertEquals("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
                + "\"Tally\"=\"\\\"C:\\\\Program Files\\\\Tally\\\\Tally.exe\\\"\"\r\n", imported.getFirst());
        assertTrue(a.isEnabled());
        a.disable();
        assertTrue(imported.getLast().endsWith("\"Tally\"=-\r\n"), imported.getLast());
        assertFalse(a.isEnabled());
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("reg.exe"), left.map(p -> p.getFileName().toString()).toList(), "no .reg file is left behind");
        }
        assertEquals(List.of(reg.toString(), "query", WindowsRunKey.KEY, "/v", "Tally"), calls.get(1));
    }

    @Test
    void windowsWithoutRegExeIsNotSupportedAndSaysWhy() {
        WindowsRunKey a = new WindowsRunKey(tmp.resolve("missing/reg.exe"), tmp, argv -> 0);
        assertFalse(a.isSupported());
        assertTrue(a.describe().contains("missing"), a.describe());
    }

    @Test
    void otherSystemsHaveNoAutostartAndSayWhy() throws Exception {
        Autostart a = Autostart.forOs("Plan 9", Map.of(), tmp);
        assertFalse(a.isSupported());
        assertFalse(a.isEnabled());
        assertEquals("starting at login is not available on Plan 9", a.describe());
        IOException e = assertThrows(IOException.class, () -> a.enable(List.of("tally")));
        assertEquals("starting at login is not available on Plan 9", e.getMessage());
    }

    @Test
    void theRunningProcessReportsACommandToStartItAgain() {
        assumeFalse(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win"),
                "Windows does not report a java process's arguments, so there is no command to check");
        List<String> cmd = LaunchCommands.ofCurrentProcess().orElseThrow();
        assertTrue(Path.of(cmd.getFirst()).getFileName().toString().startsWith("java"), cmd.toString());
        assertTrue(cmd.size() > 1, "the JVM's arguments come along: " + cmd);
    }
}
