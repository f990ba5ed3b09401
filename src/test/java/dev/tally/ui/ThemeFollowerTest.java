package dev.tally.ui;

import dev.tally.account.Preferences;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme, without a toolkit: the desktop's colour scheme is a plain property the test flips. */
class ThemeFollowerTest {
    private final SimpleObjectProperty<ColorScheme> desktop = new SimpleObjectProperty<>(ColorScheme.LIGHT);
    private final List<String> applied = new ArrayList<>();
    private final ThemeFollower themes = new ThemeFollower(desktop, applied::add);

    @Test
    void systemFollowsTheDesktopWhileTallyRuns() {
        themes.use(Preferences.Theme.SYSTEM);
        assertFalse(themes.dark());
        desktop.set(ColorScheme.DARK);
        assertTrue(themes.dark(), "the desktop switched to dark: so does Tally, without a restart");
        desktop.set(ColorScheme.LIGHT);
        assertFalse(themes.dark());
        assertEquals(List.of(ThemeFollower.LIGHT, ThemeFollower.DARK, ThemeFollower.LIGHT), applied);
    }

    @Test
    void lightAndDarkIgnoreTheDesktop() {
        themes.use(Preferences.Theme.DARK);
        desktop.set(ColorScheme.LIGHT);
        desktop.set(ColorScheme.DARK);
        desktop.set(ColorScheme.LIGHT);
        assertTrue(themes.dark());
        themes.use(Preferences.Theme.LIGHT);
        desktop.set(ColorScheme.DARK);
        assertFalse(themes.dark());
        assertEquals(List.of(ThemeFollower.DARK, ThemeFollower.LIGHT), applied, "switched only when the user chose");
    }

    @Test
    void choosingSystemAgainPicksUpTheDesktopAsItIsNow() {
        themes.use(Preferences.Theme.LIGHT);
        desktop.set(ColorScheme.DARK);
        themes.use(Preferences.Theme.SYSTEM);
        assertTrue(themes.dark());
        themes.use(Preferences.Theme.SYSTEM);
        assertEquals(List.of(ThemeFollower.LIGHT, ThemeFollower.DARK), applied, "no needless re-styling");
    }

    @Test
    void withoutADesktopSchemeSystemIsLight() {
        ThemeFollower none = new ThemeFollower(null, applied::add);
        none.use(Preferences.Theme.SYSTEM);
        assertFalse(none.dark());
    }
}
