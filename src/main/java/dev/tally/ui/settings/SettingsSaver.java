package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.Preferences;
import dev.tally.core.Secret;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import dev.tally.ui.settings.SettingsViewModel.SaveResult;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Saving the settings: takes what changed from the form and the General tab on the UI thread, writes it in the
 * background ({@link AccountWriter}, {@link GeneralViewModel#write}), and shows the outcome in the form, the list and
 * the status line. Call on the UI thread.
 */
final class SettingsSaver {
    private final SettingsViewModel.Services services;
    private final StatusLine status;
    private final GeneralViewModel general;
    private final AccountListViewModel list;
    private final AccountFormViewModel form;
    private final Consumer<SaveResult> onSaved;
    private final AccountWriter writer;

    SettingsSaver(SettingsViewModel.Services services, StatusLine status, GeneralViewModel general,
                  AccountListViewModel list, AccountFormViewModel form, Consumer<SaveResult> onSaved) {
        this.services = services;
        this.status = status;
        this.general = general;
        this.list = list;
        this.form = form;
        this.onSaved = onSaved;
        this.writer = new AccountWriter(services, java.time.Clock.systemUTC());
    }

    /** Writes the changed parts in the background (the caller checked that saving is allowed). */
    void save() {
        boolean accountPart = form.dirtyProperty().get();
        boolean generalPart = general.dirtyProperty().get();
        Mode m = form.modeProperty().get();
        String existing = m == Mode.EXISTING ? form.editingIdProperty().get() : null;
        Optional<ProviderInfo> info = form.info();
        AccountDraft d = form.draft();
        Map<KeySlot, Secret> typed = form.typedKeys();
        GeneralViewModel.Values g = general.values();
        boolean autostartChanged = general.autostartChanged(g);
        status.saving(true);
        status.set(SettingsPhrase.SAVING.say(), StatusKind.INFO);
        services.background().execute(() -> {
            List<String> errors = new ArrayList<>();
            AccountWriter.Result account = null;
            Preferences prefs = null;
            try {
                if (accountPart && info.isPresent()) {
                    account = writer.write(existing, info.get(), d, typed);
                    errors.addAll(account.errors());
                }
                if (generalPart) {
                    prefs = general.write(g, autostartChanged, errors);
                }
            } catch (RuntimeException e) {
                errors.add(SettingsPhrase.SAVE_FAILED.say(e.getMessage()));
            }
            AccountWriter.Result a = account;
            Preferences p = prefs;
            services.ui().execute(() -> saved(a, p, errors, m, d));
        });
    }

    private void saved(AccountWriter.Result out, Preferences prefs, List<String> errors, Mode savedAs, AccountDraft d) {
        status.saving(false);
        List<String> messages = new ArrayList<>(errors);
        Account account = out == null ? null : out.account();
        if (out != null) {
            if (account != null) {
                list.setAccounts(out.accounts());
            }
            form.saved(out, savedAs, d);
            if (account != null && !out.keyProblems().isEmpty()) {
                messages.add(SettingsPhrase.SAVED_BUT_NOT_KEY.say());
            }
        }
        if (prefs != null) {
            general.show(prefs);
        }
        if (messages.isEmpty()) {
            List<String> what = new ArrayList<>();
            if (account != null) {
                what.add(out.keysSaved().isEmpty() ? SettingsPhrase.SAVED_ACCOUNT.say(account.label())
                        : SettingsPhrase.SAVED_ACCOUNT_AND_KEY.say(account.label()));
            }
            if (prefs != null) {
                what.add(SettingsPhrase.SAVED_GENERAL.say());
            }
            status.set(SettingsPhrase.SAVED.say(what.stream().reduce(SettingsPhrase.SAVED_BOTH::say).orElse("")),
                    StatusKind.SUCCESS);
        } else {
            status.set(String.join("\n", messages), StatusKind.ERROR);
        }
        if (account != null || prefs != null) {
            Set<String> changed = account == null || out.keysSaved().isEmpty() ? Set.of() : Set.of(account.id());
            onSaved.accept(new SaveResult(account == null ? null : out.accounts(), changed, Set.of(), prefs));
        }
    }
}
