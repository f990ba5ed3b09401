/**
 * The settings dialog: {@link dev.tally.ui.settings.SettingsViewModel} (accounts, keys, general preferences;
 * no JavaFX nodes, tested without a toolkit) and {@link dev.tally.ui.settings.SettingsDialog}, the JavaFX view
 * that only wires controls to it. Keychain, file and network work runs on the injected background executor;
 * results come back through the injected UI executor.
 */
package dev.tally.ui.settings;
