package dev.tally.ui.settings;

import dev.tally.account.Preferences;
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
import java.util.List;

/**
 * The General tab: launch at login, notifications, theme, hide amounts; whether they changed since they were read.
 * Properties belong to the UI thread; {@link #write} runs on the background executor.
 */
public final class GeneralViewModel {
    /** The tab's values, compared to tell whether they changed. */
    record Values(Preferences.Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                  boolean spendChecks) {
    }

    private final SettingsViewModel.Services services;
    private final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");
    private final ReadOnlyBooleanWrapper launchAtLoginAvailable = new ReadOnlyBooleanWrapper(this, "launchAtLoginAvailable");
    private final ReadOnlyStringWrapper launchAtLoginHint = new ReadOnlyStringWrapper(this, "launchAtLoginHint", "");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications", true);
    private final BooleanProperty hideAmounts = new SimpleBooleanProperty(this, "hideAmounts");
    private final BooleanProperty spendChecks = new SimpleBooleanProperty(this, "spendChecks");
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>(this, "theme", Preferences.Theme.SYSTEM);
    private final ObjectProperty<Values> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    GeneralViewModel(SettingsViewModel.Services services) {
        this.services = services;
        baseline.set(values());
        dirty.bind(Bindings.createBooleanBinding(() -> !values().equals(baseline.get()),
                theme, notifications, hideAmounts, launchAtLogin, spendChecks, baseline));
    }

    /** Shows what was read: the preferences and whether the login entry exists. */
    void loaded(Preferences p, boolean autostartOn) {
        boolean available = services.autostart().isSupported() && !services.launchCommand().isEmpty();
        launchAtLoginAvailable.set(available);
        launchAtLoginHint.set(!services.autostart().isSupported() ? services.autostart().describe()
                : services.launchCommand().isEmpty() ? "Tally cannot tell how it was started, so it cannot add itself to login"
                : "Adds the " + services.autostart().describe());
        show(p.withLaunchAtLogin(autostartOn));
    }

    Values values() {
        return new Values(theme.get(), notifications.get(), hideAmounts.get(), launchAtLogin.get(), spendChecks.get());
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
                errors.add("Launch at login: " + e.getMessage());
                launch = services.autostart().isEnabled();
            }
        }
        boolean l = launch;
        try {
            return services.preferences().update(p -> p.withTheme(v.theme()).withNotifications(v.notifications())
                    .withHideAmounts(v.hideAmounts()).withLaunchAtLogin(l).withSpendChecks(v.spendChecks()));
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

    public ObjectProperty<Preferences.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
