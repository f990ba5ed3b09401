package dev.tally.ui.settings;

import dev.tally.account.AccountStore;
import dev.tally.account.PreferencesStore;
import dev.tally.secret.SecretStore;
import dev.tally.secret.StoreStatus;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Loading the settings: reads accounts, preferences, the autostart entry and the keychain's state in the background,
 * then hands each to its view model on the UI thread and opens an account in the form. Call on the UI thread.
 */
final class SettingsLoader {
    private final SettingsViewModel.Services services;
    private final StatusLine status;
    private final KeychainViewModel keychain;
    private final GeneralViewModel general;
    private final AccountListViewModel list;
    private final AccountFormViewModel form;

    SettingsLoader(SettingsViewModel.Services services, StatusLine status, KeychainViewModel keychain,
                   GeneralViewModel general, AccountListViewModel list, AccountFormViewModel form) {
        this.services = services;
        this.status = status;
        this.keychain = keychain;
        this.general = general;
        this.list = list;
        this.form = form;
    }

    /** Reads everything in the background; then opens {@code selectId} (the first account when null or gone). */
    void load(String selectId) {
        status.loading(true);
        status.set(SettingsPhrase.LOADING.say(), StatusKind.INFO);
        services.background().execute(() -> {
            AccountStore.Loaded acc;
            PreferencesStore.Loaded prefs;
            boolean autostartOn;
            try {
                acc = services.accounts().load();
                prefs = services.preferences().load();
                autostartOn = services.autostart().isSupported() && services.autostart().isEnabled();
            } catch (RuntimeException e) {
                services.ui().execute(() -> {
                    status.loading(false);
                    status.set(SettingsPhrase.LOAD_FAILED.say(e.getMessage()), StatusKind.ERROR);
                });
                return;
            }
            services.ui().execute(() -> loaded(acc, prefs, autostartOn, selectId));
            StoreStatus st;
            String name;
            try {
                SecretStore store = services.secrets().get();
                st = store.status();
                name = store.name();
            } catch (RuntimeException e) {
                st = StoreStatus.unavailable(SettingsPhrase.KEYCHAIN_NOT_OPENED.say(e.getClass().getSimpleName()));
                name = SettingsPhrase.KEYCHAIN_NAME_UNKNOWN.say();
            }
            StoreStatus s = st;
            String n = name;
            services.ui().execute(() -> keychain.found(s, n));
        });
    }

    private void loaded(AccountStore.Loaded acc, PreferencesStore.Loaded prefs, boolean autostartOn, String select) {
        list.setAccounts(acc.accounts());
        general.loaded(prefs.preferences(), autostartOn);
        status.loading(false);
        List<String> warnings = new ArrayList<>();
        acc.warning().ifPresent(warnings::add);
        prefs.warning().ifPresent(warnings::add);
        status.set(String.join("\n", warnings), warnings.isEmpty() ? StatusKind.INFO : StatusKind.ERROR);
        openFirst(select);
    }

    /** Opens {@code id} when it is saved, else the first account, else a new one. */
    void openFirst(String id) {
        if (list.all().isEmpty()) {
            form.add();
        } else {
            form.edit(id != null && list.find(id).isPresent() ? id : list.all().getFirst().id());
        }
    }
}
