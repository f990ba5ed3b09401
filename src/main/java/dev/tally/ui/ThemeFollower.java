package dev.tally.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tally.account.Preferences;
import javafx.application.ColorScheme;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Applies the chosen theme (AtlantaFX Primer light or dark). "System" follows the desktop's light/dark setting, also
 * when it changes while Tally runs; "light" and "dark" ignore it.
 *
 * <p>FX thread only. In the app: {@code new ThemeFollower(Platform.getPreferences().colorSchemeProperty(),
 * Application::setUserAgentStylesheet)}; tests pass a plain property and a recorder.
 */
public final class ThemeFollower {
    static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private final ObservableValue<ColorScheme> desktop;
    private final Consumer<String> setStylesheet;
    private final ChangeListener<ColorScheme> onDesktopChange = (o, was, now) -> apply();
    private Preferences.Theme theme = Preferences.Theme.SYSTEM;
    private String applied;

    /**
     * @param desktop       the desktop's colour scheme ({@code Platform.getPreferences().colorSchemeProperty()}),
     *                      or {@code null} when it cannot be read (then "system" means light)
     * @param setStylesheet sets the user-agent stylesheet ({@code Application::setUserAgentStylesheet})
     */
    public ThemeFollower(ObservableValue<ColorScheme> desktop, Consumer<String> setStylesheet) {
        this.desktop = desktop;
        this.setStylesheet = Objects.requireNonNull(setStylesheet, "setStylesheet");
    }

    /** Uses {@code t} from now on, applying it at once; listens to the desktop only while it is "system". */
    public void use(Preferences.Theme t) {
        theme = Objects.requireNonNull(t, "theme");
        if (desktop != null) {
            desktop.removeListener(onDesktopChange);
            if (t == Preferences.Theme.SYSTEM) {
                desktop.addListener(onDesktopChange);
            }
        }
        apply();
    }

    /** Whether the dark stylesheet is in use now. */
    public boolean dark() {
        return DARK.equals(applied);
    }

    private void apply() {
        boolean dark = switch (theme) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> desktop != null && desktop.getValue() == ColorScheme.DARK;
        };
        String sheet = dark ? DARK : LIGHT;
        if (!sheet.equals(applied)) {
            applied = sheet;
            setStylesheet.accept(sheet);
        }
    }
}
