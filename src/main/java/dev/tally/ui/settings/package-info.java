/**
 * The settings dialog, one view model per job (no JavaFX nodes, tested without a toolkit):
 * {@link dev.tally.ui.settings.AccountListViewModel} (the accounts list, Remove),
 * {@link dev.tally.ui.settings.AccountFormViewModel} (one account's form, with {@link dev.tally.ui.settings.KeysViewModel}
 * and its {@link dev.tally.ui.settings.KeyFieldViewModel}s, {@link dev.tally.ui.settings.ProviderFieldViewModel}s for
 * provider-declared fields, and the pure {@code AccountFormValidator}), {@link dev.tally.ui.settings.TestConnectionViewModel}
 * (the Test button and its wording), {@link dev.tally.ui.settings.GeneralViewModel} (the General tab) and
 * {@link dev.tally.ui.settings.KeychainViewModel}; {@link dev.tally.ui.settings.SettingsViewModel} coordinates loading
 * ({@code SettingsLoader}) and saving ({@code SettingsSaver}, {@code AccountWriter}). The views
 * ({@link dev.tally.ui.settings.SettingsDialog}, {@code AccountsTab}, {@code AccountFormView}, {@code TestConnectionView},
 * {@code GeneralTab}) only wire controls to them. Keychain, file and network work runs on the injected background
 * executor; results come back through the injected UI executor.
 */
package dev.tally.ui.settings;
