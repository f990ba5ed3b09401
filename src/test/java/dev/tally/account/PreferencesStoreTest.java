package dev.tally.account;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferencesStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private PreferencesStore store() {
        return new PreferencesStore(dir, CLOCK);
    }

    @Test
    void noFileMeansDefaults() {
        PreferencesStore.Loaded l = store().load();
        assertEquals(Preferences.defaults(), l.preferences());
        assertEquals(Preferences.Theme.SYSTEM, l.preferences().theme(), "follows the OS by default");
        assertTrue(l.preferences().notifications());
        assertFalse(l.preferences().hideAmounts());
        assertTrue(l.warning().isEmpty());
        assertTrue(l.writable());
    }

    @Test
    void everySettingSurvivesASaveAndLoad() throws Exception {
        Preferences p = new Preferences(Preferences.Theme.DARK, false, true, true,
                new Preferences.WindowBounds(-1200.0, 40.5, 380.0, 640.0));
        store().save(p);
        assertEquals(p, store().load().preferences());
        String json = Files.readString(dir.resolve("settings.json"));
        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"theme\" : \"dark\""), json);
    }

    @Test
    void theWindowsCompactChoiceSurvivesAndAbsentMeansAutomatic() {
        assertEquals(null, Preferences.defaults().compact(), "automatic until toggled");
        store().save(Preferences.defaults().withCompact(false));
        assertEquals(Boolean.FALSE, store().load().preferences().compact());
        store().update(p -> p.withTheme(Preferences.Theme.DARK));
        assertEquals(Boolean.FALSE, store().load().preferences().compact(), "another change keeps the choice");
        store().save(Preferences.defaults().withCompact(null));
        assertEquals(null, store().load().preferences().compact());
    }

    @Test
    void aWindowSizeWithoutAPositionIsKept() {
        Preferences p = Preferences.defaults().withWindow(new Preferences.WindowBounds(null, null, 400.0, 500.0));
        store().save(p);
        assertEquals(p, store().load().preferences());
    }

    @Test
    void aDamagedFileIsKeptAsideAndTheDefaultsAreUsedWithOneLineSayingSo() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"theme\":\"dar");
        PreferencesStore.Loaded l = store().load();
        assertEquals(Preferences.defaults(), l.preferences());
        String w = l.warning().orElseThrow();
        assertFalse(w.contains("\n"));
        assertTrue(w.contains("not valid JSON") && w.contains("settings.json.corrupt-20261122-050000"), w);
        assertTrue(Files.exists(dir.resolve("settings.json.corrupt-20261122-050000")));
        assertFalse(Files.exists(dir.resolve("settings.json")));
        assertTrue(l.writable());
    }

    @Test
    void aSecondDamagedFileInTheSameSecondDoesNotReplaceTheFirstCopy() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "first damage");
        store().load();
        Files.writeString(dir.resolve("settings.json"), "second damage");
        assertTrue(store().load().warning().orElseThrow().contains("settings.json.corrupt-20261122-050000-2"));
        assertEquals("first damage", Files.readString(dir.resolve("settings.json.corrupt-20261122-050000")));
        assertEquals("second damage", Files.readString(dir.resolve("settings.json.corrupt-20261122-050000-2")));
    }

    @Test
    void anUnknownThemeOrAWrongTypeIsReportedByName() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"theme\":\"neon\"}");
        assertTrue(store().load().warning().orElseThrow().contains("theme 'neon' is not system, light or dark"));
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"hideAmounts\":\"yes\"}");
        assertTrue(store().load().warning().orElseThrow().contains("hideAmounts is not true or false"));
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"window\":{\"width\":-5}}");
        assertTrue(store().load().warning().orElseThrow().contains("window width must be a positive number"));
    }

    @Test
    void aFileFromANewerTallyIsLeftAloneAndNotOverwritten() throws Exception {
        String newer = "{\"version\":7,\"theme\":\"solarized\"}";
        Files.writeString(dir.resolve("settings.json"), newer);
        PreferencesStore.Loaded l = store().load();
        assertEquals(Preferences.defaults(), l.preferences());
        assertFalse(l.writable());
        assertTrue(l.warning().orElseThrow().contains("newer Tally"));
        assertThrows(IllegalStateException.class, () -> store().update(p -> p.withHideAmounts(true)));
        assertEquals(newer, Files.readString(dir.resolve("settings.json")));
    }

    @Test
    void updateChangesOnlyWhatItIsAskedTo() {
        PreferencesStore s = store();
        Preferences.WindowBounds where = new Preferences.WindowBounds(1.0, 2.0, 300.0, 400.0);
        s.update(p -> p.withWindow(where));
        s.update(p -> p.withTheme(Preferences.Theme.LIGHT));
        Preferences p = s.load().preferences();
        assertEquals(where, p.window());
        assertEquals(Preferences.Theme.LIGHT, p.theme());
    }

    @Test
    void theFileIsWrittenAtomicallyWithNoTemporaryFilesLeft() throws Exception {
        store().save(Preferences.defaults());
        store().save(Preferences.defaults().withNotifications(false));
        try (var files = Files.list(dir)) {
            // settings.json.lock is the writers' lock file (issue 11), kept on purpose; no temporary file is left
            assertEquals(List.of("settings.json", "settings.json.lock"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
