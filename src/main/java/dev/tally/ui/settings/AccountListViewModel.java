package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.provider.ProviderInfo;
import dev.tally.tray.TrayText;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The accounts list: one row per saved account ("DeepSeek (work)" / "DeepSeek · every 5 min · alert below ¥5.00",
 * money hidden while "hide amounts" is on), and the Remove command, which deletes the account and its keychain
 * entries in the background. Properties and commands belong to the UI thread.
 */
public final class AccountListViewModel {
    /** One line of the accounts list, e.g. "DeepSeek (work)" / "DeepSeek · every 5 min · alert below ¥5.00". */
    public record AccountRow(String id, String label, String detail) {
    }

    private final SettingsViewModel.Services services;
    private final StatusLine status;
    private final ObservableBooleanValue hideAmounts;
    private final AccountWriter writer;
    private final List<Account> current = new ArrayList<>();
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    // made once: an unmodifiable list listens to its source only weakly (a view per call could be collected)
    private final ObservableList<AccountRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private BiConsumer<String, List<Account>> onRemoved = (id, after) -> { };

    AccountListViewModel(SettingsViewModel.Services services, StatusLine status, ObservableBooleanValue hideAmounts) {
        this.services = services;
        this.status = status;
        this.hideAmounts = hideAmounts;
        this.writer = new AccountWriter(services, java.time.Clock.systemUTC());
        hideAmounts.addListener((x, was, now) -> rows.setAll(current.stream().map(this::row).toList()));
    }

    /** The rows, in the order of {@code accounts.json}. */
    public ObservableList<AccountRow> accounts() {
        return rowsView;
    }

    /** Removes the account and its keychain entries, in the background; says how it went in the status line. */
    public void remove(String id) {
        Optional<Account> found = find(id);
        if (found.isEmpty() || status.savingProperty().get()) {
            return;
        }
        Account gone = found.get();
        status.saving(true);
        status.set(SettingsPhrase.REMOVING.say(gone.label()), StatusKind.INFO);
        services.background().execute(() -> {
            AccountWriter.Removed r = writer.remove(gone);
            services.ui().execute(() -> {
                status.saving(false);
                if (r.accounts() == null) {
                    status.set(r.error(), StatusKind.ERROR);
                    return;
                }
                setAccounts(r.accounts());
                if (r.keyProblem() != null) {
                    status.set(SettingsPhrase.REMOVED_BUT.say(gone.label(), r.keyProblem()), StatusKind.ERROR);
                } else {
                    status.set(SettingsPhrase.REMOVED.say(gone.label()), StatusKind.SUCCESS);
                }
                onRemoved.accept(id, r.accounts());
            });
        });
    }

    /** Called on the UI thread once {@link #remove} wrote {@code accounts.json}: the id and the accounts now. */
    void setOnRemoved(BiConsumer<String, List<Account>> onRemoved) {
        this.onRemoved = Objects.requireNonNull(onRemoved);
    }

    void setAccounts(List<Account> accounts) {
        current.clear();
        current.addAll(accounts);
        rows.setAll(accounts.stream().map(this::row).toList());
    }

    /** The saved accounts as last read. */
    List<Account> all() {
        return List.copyOf(current);
    }

    Optional<Account> find(String id) {
        return current.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private AccountRow row(Account a) {
        List<String> parts = new ArrayList<>();
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        parts.add(info.map(ProviderInfo::displayName).orElse(a.provider().value()));
        if (a.region() != null && info.map(i -> !i.selectableRegions().isEmpty()).orElse(false)) {
            parts.add(AccountFormViewModel.regionWord(a.region()));
        }
        parts.add(SettingsPhrase.ROW_EVERY.say(a.intervalMinutes()));
        if (a.threshold() != null) {
            parts.add(SettingsPhrase.ROW_ALERT.say(TrayText.money(a.threshold(), hideAmounts.get())));
        }
        return new AccountRow(a.id(), a.label(), parts.stream().reduce(SettingsPhrase.ROW_PARTS::say).orElse(""));
    }
}
