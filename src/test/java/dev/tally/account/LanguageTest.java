package dev.tally.account;

import dev.tally.core.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.tally.core.Language.ENGLISH;
import static dev.tally.core.Language.SIMPLIFIED_CHINESE;
import static dev.tally.core.Language.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which language Tally speaks: TALLY_LANG, then the "language" setting, then LC_ALL, LC_MESSAGES, LANG (not on
 * Windows or macOS), then the JVM's user locale; and the setting's trip through settings.json.
 */
class LanguageTest {
    private static final String LINUX = "Linux";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T14:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Language choose(Map<String, String> env, Language setting) {
        return Language.choose(env, setting, LINUX, Locale.US);
    }

    @Test
    void tallyLangWinsOverTheSettingAndTheOs() {
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("TALLY_LANG", "zh-CN", "LANG", "en_US.UTF-8"), ENGLISH));
        assertEquals(ENGLISH, choose(Map.of("TALLY_LANG", "en", "LC_ALL", "zh_CN.UTF-8"), SIMPLIFIED_CHINESE));
        for (String zh : new String[] {"zh-CN", "zh_CN", "zh", "ZH-cn", "zh_CN.UTF-8", "zh-Hans"}) {
            assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("TALLY_LANG", zh), ENGLISH), zh);
        }
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("TALLY_LANG", "system", "LANG", "zh_CN.UTF-8"), SYSTEM),
                "system means: as if it were not set");
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("TALLY_LANG", "klingon!", "LANG", "zh_CN.UTF-8"), SYSTEM),
                "a value Tally cannot read is passed over");
    }

    @Test
    void theSettingOverridesTheOsButSystemFollowsIt() {
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("LANG", "en_US.UTF-8"), SIMPLIFIED_CHINESE));
        assertEquals(ENGLISH, choose(Map.of("LC_ALL", "zh_CN.UTF-8"), ENGLISH));
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("LANG", "zh_CN.UTF-8"), SYSTEM));
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("LANG", "zh_CN.UTF-8"), null), "no settings file");
    }

    @Test
    void thePosixVariablesInTheirOrder() {
        assertEquals(ENGLISH, choose(Map.of("LC_ALL", "C", "LC_MESSAGES", "zh_CN.UTF-8", "LANG", "zh_CN.UTF-8"), null),
                "LC_ALL first; C is English");
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_GB.UTF-8"), null));
        assertEquals(SIMPLIFIED_CHINESE, choose(Map.of("LC_ALL", "", "LANG", "zh_SG.UTF-8"), null),
                "an empty variable counts as unset");
        assertEquals(ENGLISH, choose(Map.of("LANG", "de_DE.UTF-8"), null), "a language Tally does not speak");
        assertEquals(ENGLISH, choose(Map.of("LANG", "zh_TW.UTF-8"), null), "Traditional Chinese is not translated yet");
        assertEquals(ENGLISH, choose(Map.of("LANG", "zh_HK.UTF-8@stroke"), null));
        assertEquals(SIMPLIFIED_CHINESE, Language.choose(Map.of(), null, LINUX, Locale.SIMPLIFIED_CHINESE),
                "nothing set: the JVM's locale");
        assertEquals(ENGLISH, choose(Map.of(), null), "nothing set, an English JVM");
    }

    @Test
    void windowsAndMacOsGoByTheUserLocaleNotByLang() {
        assertEquals(ENGLISH, Language.choose(Map.of("LANG", "zh_CN.UTF-8"), null, "Windows 11", Locale.US));
        assertEquals(SIMPLIFIED_CHINESE, Language.choose(Map.of("LANG", "en_US.UTF-8"), null, "Mac OS X",
                Locale.SIMPLIFIED_CHINESE));
        assertEquals(SIMPLIFIED_CHINESE, Language.choose(Map.of("TALLY_LANG", "zh-CN"), null, "Windows 11", Locale.US),
                "TALLY_LANG counts everywhere");
    }

    @Test
    void settingNamesAndLocales() {
        assertEquals(Optional.of(SYSTEM), Language.fromSetting("system"));
        assertEquals(Optional.of(ENGLISH), Language.fromSetting("en"));
        assertEquals(Optional.of(SIMPLIFIED_CHINESE), Language.fromSetting("zh-CN"));
        assertEquals(Optional.empty(), Language.fromSetting(""));
        assertEquals(Optional.empty(), Language.fromSetting("?"));
        assertEquals(Optional.empty(), Language.fromSetting("fr"), "a language Tally does not speak, asked by name");
        assertEquals(Optional.empty(), Language.fromSetting("zh-TW"));
        assertEquals(Optional.of(ENGLISH), Language.fromSetting("en_GB.UTF-8"));
        assertEquals("zh-CN", SIMPLIFIED_CHINESE.tag());
        assertEquals(Locale.SIMPLIFIED_CHINESE, SIMPLIFIED_CHINESE.locale());
        assertEquals("简体中文", SIMPLIFIED_CHINESE.endonym());
        assertEquals("English", ENGLISH.endonym());
    }

    @Test
    void theSettingIsSavedAndReadBackBothWays() throws Exception {
        PreferencesStore store = new PreferencesStore(dir, CLOCK);
        assertEquals(SYSTEM, store.load().preferences().language(), "the default follows the OS");
        assertEquals(SYSTEM, PreferencesStore.languageSetting(dir), "no file");
        store.save(Preferences.defaults().withLanguage(SIMPLIFIED_CHINESE));
        assertEquals(SIMPLIFIED_CHINESE, store.load().preferences().language());
        assertEquals(SIMPLIFIED_CHINESE, PreferencesStore.languageSetting(dir), "the command line's quick read");
        assertEquals(true, Files.readString(store.file()).contains("\"language\" : \"zh-CN\""));
        store.save(store.load().preferences().withTheme(Preferences.Theme.DARK));
        assertEquals(SIMPLIFIED_CHINESE, store.load().preferences().language(), "another change keeps the language");
    }

    @Test
    void aLanguageFromANewerTallyFollowsTheOsAndKeepsTheFile() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"theme\": \"dark\", \"language\": \"ja\"}");
        PreferencesStore.Loaded loaded = new PreferencesStore(dir, CLOCK).load();
        assertEquals(SYSTEM, loaded.preferences().language());
        assertEquals(Preferences.Theme.DARK, loaded.preferences().theme(), "the rest of the file is read");
        assertEquals(Optional.empty(), loaded.warning());
        assertEquals(SYSTEM, PreferencesStore.languageSetting(dir));
        Files.writeString(dir.resolve("settings.json"), "not json \"language\": \"zh-CN\"");
        assertEquals(SIMPLIFIED_CHINESE, PreferencesStore.languageSetting(dir),
                "the quick read looks only for the setting; the full load judges the file");
    }
}
