/**
 * Configured accounts and the app's own settings: {@link dev.tally.account.Account} (id, provider, label, region,
 * base URL, provider-declared fields such as xAI's team id, threshold, interval) and
 * {@link dev.tally.account.AccountStore}, the versioned
 * {@code accounts.json}; {@link dev.tally.account.Preferences} and {@link dev.tally.account.PreferencesStore}, the
 * versioned {@code settings.json}; {@link dev.tally.account.Thresholds}, how people type an alert level. Both files
 * are written atomically, by a locked read-modify-write (an OS lock on a sibling {@code .lock} file) so several
 * processes never lose each other's changes, are checked like input when read, and never hold a key. Imports nothing from JavaFX, AWT, HTTP or SQL.
 */
package dev.tally.account;
