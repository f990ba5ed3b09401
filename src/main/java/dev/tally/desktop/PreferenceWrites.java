package dev.tally.desktop;

import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;

import java.util.function.UnaryOperator;

/** Small changes the widget remembers in settings.json (the window's place, the compact choice). Any thread. */
final class PreferenceWrites {
    private static final System.Logger LOG = System.getLogger(PreferenceWrites.class.getName());

    private PreferenceWrites() {
    }

    /** Writes one change, logging a failure ({@code what} names it) instead of throwing. Blocking. */
    static void remember(PreferencesStore store, UnaryOperator<Preferences> change, String what) {
        try {
            store.update(change);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remember " + what + ": " + e.getMessage());
        }
    }
}
