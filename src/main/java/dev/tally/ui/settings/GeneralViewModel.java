package dev.tally.ui.settings;

import dev.tally.account.Preferences;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The General tab: launch at login, notifications, spend checks, theme, hide amounts, language; whether they changed
 * since they were read.
 * Properties belong to the UI thread; {@link #write} runs on the background executor.
 */
public final class GeneralViewModel {
    /** The tab's values, compared to tell whether they changed. */
    record Values(Preferences.Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                  boolean spendChecks, Language language) {
    }

    private final SettingsViewModel.Services services;
    private final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");
    private final ReadOnlyBooleanWrapper launchAtLoginAvailable = new ReadOnlyBooleanWrapper(this, "launchAtLoginAvailable");
    private final ReadOnlyStringWrapper launchAtLoginHint = new ReadOnlyStringWrapper(this, "launchAtLoginHint", "");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications", true);
    private final BooleanProperty hideAmounts = new SimpleBooleanProperty(this, "hideAmounts");
    private final BooleanProperty spendChecks = new SimpleBooleanProperty(this, "spendChecks");
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>(this, "theme", Preferences.Theme.SYSTEM);
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language", Language.SYSTEM);
    private final ReadOnlyStringWrapper languageNote = new ReadOnlyStringWrapper(this, "languageNote", "");
    private final Map<String, String> env;
    private final ObjectProperty<Values> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    GeneralViewModel(SettingsViewModel.Services services) {
        this(services, System.getenv());
    }

    /** @param env the environment Tally runs in ({@code TALLY_LANG}, {@code LANG}, …), for the language's note */
    GeneralViewModel(SettingsViewModel.Services services, Map<String, String> env) {
        this.services = services;
        this.env = Map.copyOf(env);
        baseline.set(values());
        dirty.bind(Bindings.createBooleanBinding(() -> !values().equals(baseline.get()),
                theme, notifications, hideAmounts, launchAtLogin, spendChecks, language, baseline));
        languageNote.bind(Bindings.createStringBinding(this::languageNote, language));
    }

    /**
     * Under the language chooser: that {@code TALLY_LANG} decides when it is set; that a choice other than the
     * language Tally speaks now applies after a restart (the windows are built in one language); else what System means.
     */
    private String languageNote() {
        Optional<Language> forced = Language.fromSetting(env.get(Language.ENV)).filter(l -> l != Language.SYSTEM);
        if (forced.isPresent()) {
            return SettingsPhrase.LANGUAGE_OVERRIDDEN.say(env.get(Language.ENV).strip());
        }
        Language chosen = Language.choose(env, language.get(), System.getProperty("os.name"), Locale.getDefault());
        return chosen != Messages.language() ? SettingsPhrase.LANGUAGE_AFTER_RESTART.say()
                : SettingsPhrase.LANGUAGE_HINT.say();
    }

    /** The desktop's own language (what "System" means here), whatever the setting and {@code TALLY_LANG} say. */
    Language systemLanguage() {
        Map<String, String> withoutOverride = new HashMap<>(env);
        withoutOverride.remove(Language.ENV);
        return Language.choose(withoutOverride, Language.SYSTEM, System.getProperty("os.name"), Locale.getDefault());
    }

    /** The chooser's words for a language: "System (English)", "English", "简体中文". */
    public String languageName(Language l) {
        return l == Language.SYSTEM ? SettingsPhrase.LANGUAGE_SYSTEM.say(systemLanguage().endonym()) : l.endonym();
    }

    /** Shows what was read: the preferences and whether the login entry exists. */
    void loaded(Preferences p, boolean autostartOn) {
        boolean available = services.autostart().isSupported() && !services.launchCommand().isEmpty();
        launchAtLoginAvailable.set(available);
        launchAtLoginHint.set(!services.autostart().isSupported() ? services.autostart().describe()
                : services.launchCommand().isEmpty() ? SettingsPhrase.LAUNCH_AT_LOGIN_NO_COMMAND.say()
                : SettingsPhrase.LAUNCH_AT_LOGIN_ADDS.say(services.autostart().describe()));
        show(p.withLaunchAtLogin(autostartOn));
    }

    Values values() {
        return new Values(theme.get(), notifications.get(), hideAmounts.get(), launchAtLogin.get(), spendChecks.get(),
                language.get());
    }

    /** Whether the login entry must be written or removed for {@code v}. */
    boolean autostartChanged(Values v) {
        return v.launchAtLogin() != baseline.get().launchAtLogin();
    }

    /**
     * Writes the login entry (when it changed) and {@code settings.json}. Background only.
     *
     * @return the preferences now in the file, or {@code null} when they could not be written (see {@code errors})
     */
    Preferences write(Values v, boolean autostartChanged, List<String> errors) {
        boolean launch = v.launchAtLogin();
        if (autostartChanged) {
            try {
                if (launch) {
                    services.autostart().enable(services.launchCommand());
                } else {
                    services.autostart().disable();
                }
            } catch (IOException | IllegalArgumentException e) {
                errors.add(SettingsPhrase.LAUNCH_AT_LOGIN_FAILED.say(e.getMessage()));
                launch = services.autostart().isEnabled();
            }
        }
        boolean l = launch;
        try {
            return services.preferences().update(p -> p.withTheme(v.theme()).withNotifications(v.notifications())
                    .withHideAmounts(v.hideAmounts()).withLaunchAtLogin(l).withSpendChecks(v.spendChecks())
                    .withLanguage(v.language()));
        } catch (IllegalStateException | UncheckedIOException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** Shows the preferences as saved; nothing left to save. */
    void show(Preferences p) {
        theme.set(p.theme());
        notifications.set(p.notifications());
        hideAmounts.set(p.hideAmounts());
        launchAtLogin.set(p.launchAtLogin());
        spendChecks.set(p.spendChecks());
        language.set(p.language());
        baseline.set(values());
    }

    public BooleanProperty launchAtLoginProperty() {
        return launchAtLogin;
    }

    public ReadOnlyBooleanProperty launchAtLoginAvailableProperty() {
        return launchAtLoginAvailable.getReadOnlyProperty();
    }

    /** Where the login entry goes, or why launch at login is not available. */
    public ReadOnlyStringProperty launchAtLoginHintProperty() {
        return launchAtLoginHint.getReadOnlyProperty();
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    /** Money in the window, the tray and notifications reads ••• (the alert level being edited stays visible). */
    public BooleanProperty hideAmountsProperty() {
        return hideAmounts;
    }

    /**
     * Alert when an account's balance falls more than the usage its provider reports (OpenRouter with both keys):
     * another key, a leaked key or untracked usage. Off by default.
     */
    public BooleanProperty spendChecksProperty() {
        return spendChecks;
    }

    /** The language Tally speaks: {@link Language#SYSTEM} follows the desktop; applies from the next start. */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** What the language choice does: applies after a restart, is overridden by {@code TALLY_LANG}, or what System means. */
    public ReadOnlyStringProperty languageNoteProperty() {
        return languageNote.getReadOnlyProperty();
    }

    public ObjectProperty<Preferences.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
