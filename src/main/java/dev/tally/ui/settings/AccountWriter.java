package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.account.Thresholds;
import dev.tally.account.TopUps;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.Secret;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;
import dev.tally.secret.StoreStatus;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static dev.tally.ui.settings.KeychainViewModel.state;

/**
 * Writes one account: its settings to {@code accounts.json}, its typed keys to the keychain only (never elsewhere), and
 * removes an account with its keychain entries. Blocking (files, keychain): call on the background executor only.
 * No JavaFX: the results are plain values for the view models to show.
 */
final class AccountWriter {
    private final SettingsViewModel.Services services;

    private final Clock clock;

    AccountWriter(SettingsViewModel.Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /**
     * What a save did.
     *
     * @param account     the account as written, or {@code null} when nothing was written
     * @param accounts    every account now in the file, or {@code null}
     * @param errors      what went wrong, one line each
     * @param keyProblems why a slot's key was not saved, by slot name
     * @param keysSaved   the slots whose keys were stored
     * @param storeName   the keychain's name, when keys were stored
     */
    record Result(Account account, List<Account> accounts, List<String> errors, Map<String, String> keyProblems,
                  Set<String> keysSaved, String storeName) {
        static Result failed(String error) {
            return new Result(null, null, List.of(error), Map.of(), Set.of(), null);
        }
    }

    /** What a remove did: the accounts now, or {@code null} and why not; and a key that could not be removed. */
    record Removed(List<Account> accounts, String error, String keyProblem) {
    }

    /**
     * Saves the account in the form.
     *
     * @param existingId the account being edited, or {@code null} for a new one (it gets a fresh id from its label)
     */
    Result write(String existingId, ProviderInfo info, AccountDraft d, Map<KeySlot, Secret> typed) {
        // a typed key goes to the keychain or nowhere: with the keychain unavailable, nothing is written, so the
        // user loses nothing (the form keeps every field) and is not left with an account that silently lacks its key
        SecretStore store = null;
        if (!typed.isEmpty()) {
            StoreStatus st;
            try {
                store = services.secrets().get();
                // the person pressed Save: give a keychain that has not answered yet (still starting) time to answer
                st = store.awaitAnswer(java.time.Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                store = null;
                st = StoreStatus.unavailable(SettingsPhrase.KEYCHAIN_NOT_OPENED.say(e.getClass().getSimpleName()));
            }
            if (store == null || !st.isAvailable()) {
                String env = SettingsPhrase.join(SettingsPhrase.OR, typed.keySet().stream().map(KeySlot::envVar).toList());
                // the whole story once, under the key field; the footer only points there
                String detail = SettingsPhrase.NOT_SAVED_KEYCHAIN.say(state(st), st.reason(), env);
                Map<String, String> problems = new LinkedHashMap<>();
                typed.keySet().forEach(s -> problems.put(s.name(), detail));
                return new Result(null, null, List.of(SettingsPhrase.NOT_SAVED_SEE_KEY.say()), problems, Set.of(), null);
            }
        }
        AccountStore.Loaded loaded = services.accounts().load();
        if (!loaded.writable()) {
            return Result.failed(SettingsPhrase.NOT_CHANGING_FILE.say(services.accounts().file(),
                    loaded.warning().orElse(SettingsPhrase.FILE_CANNOT_BE_WRITTEN.say())));
        }
        Account[] made = new Account[1];
        List<Account> list;
        try {
            // a locked read-modify-write: accounts another Tally added meanwhile are kept
            list = services.accounts().update(now -> {
                List<Account> next = new ArrayList<>(now);
                String id = existingId != null ? existingId : uniqueId(Account.slug(info.id(), d.label()), next);
                KnownTopUp topUp = d.topUp().isBlank() ? null : TopUps.parse(d.topUp(), d.topUpDate(), clock);
                Money t = d.threshold().isBlank() ? null
                        : info.reportsBalance() ? new Money(Thresholds.parseAmount(d.threshold()),
                        Thresholds.impliedCurrency(info, d.region()).orElse(d.currency()))
                        // a provider without a balance alerts on the estimate, in the top-up's currency
                        : topUp == null ? null : Thresholds.parseForEstimate(d.threshold(), topUp.amount().currency());
                int at = indexOf(next, id);
                Account before = at >= 0 ? next.get(at) : null;
                // other slots' key commands (tally keys command --slot) are kept; the primary one is the form's
                Map<String, List<String>> commands = new TreeMap<>(before == null ? Map.of() : before.keyCommands());
                String primary = info.keySlots().getFirst().name();
                if (d.keyCommand().isEmpty()) {
                    commands.remove(primary);
                } else {
                    commands.put(primary, d.keyCommand());
                }
                // a cleared top-up forgets them; an unchanged one keeps the history; a new one becomes the basis
                List<KnownTopUp> kept = before == null || topUp == null ? List.of() : before.topUps();
                Account a = new Account(id, info.id(), d.label().strip(), d.region(),
                        d.baseUrl().isBlank() ? null : BaseUrls.parse(d.baseUrl()), d.fields(), t,
                        Integer.parseInt(d.interval().strip()), commands, kept);
                made[0] = topUp == null || topUp.equals(a.topUp()) ? a : a.withTopUp(topUp);
                if (at >= 0) {
                    next.set(at, made[0]);
                } else {
                    next.add(made[0]);
                }
                return next;
            });
        } catch (UncheckedIOException | IllegalStateException e) {
            return Result.failed(e.getMessage());
        }
        Account a = made[0];
        String id = a.id();
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> saved = new LinkedHashSet<>();
        if (typed.isEmpty()) {
            return new Result(a, List.copyOf(list), List.of(), problems, saved, null);
        }
        for (Map.Entry<KeySlot, Secret> e : typed.entrySet()) {
            try {
                store.write(KeyResolver.entryName(id, info, e.getKey()), e.getValue());
                saved.add(e.getKey().name());
            } catch (SecretStoreException ex) {
                problems.put(e.getKey().name(), SettingsPhrase.NOT_SAVED.say(lowerFirst(ex.getMessage())));
            }
        }
        return new Result(a, List.copyOf(list), List.of(), problems, saved, store.name());
    }

    /** Removes {@code gone} from {@code accounts.json}, then its keychain entries. */
    Removed remove(Account gone) {
        try {
            AccountStore.Loaded loaded = services.accounts().load();
            if (!loaded.writable()) {
                return new Removed(null, SettingsPhrase.NOT_CHANGING_FILE.say(services.accounts().file(),
                        loaded.warning().orElse(SettingsPhrase.FILE_CANNOT_BE_WRITTEN.say())), null);
            }
            List<Account> after = services.accounts().update(now -> now.stream().filter(a -> !a.id().equals(gone.id())).toList());
            return new Removed(after, null, deleteKeys(gone));
        } catch (RuntimeException e) {
            return new Removed(null, SettingsPhrase.REMOVE_FAILED.say(gone.label(), e.getMessage()), null);
        }
    }

    /** Deletes every keychain entry of the account; a problem in words, or {@code null}. */
    private String deleteKeys(Account a) {
        Optional<ProviderInfo> info = services.catalog().find(a.provider().value());
        if (info.isEmpty()) {
            return null;
        }
        // a key from a command or the environment was never in the keychain: there is nothing to remove, and an
        // unavailable keychain is then no problem worth a red line
        boolean noneInKeychain = info.get().keySlots().stream().allMatch(s -> a.keyCommands().containsKey(s.name())
                || services.keys().env(s.envVar()).isPresent());
        SecretStore store;
        try {
            store = services.secrets().get();
        } catch (RuntimeException e) {
            return noneInKeychain ? null
                    : SettingsPhrase.KEY_NOT_REMOVED.say(e.getClass().getSimpleName());
        }
        StoreStatus st = store.status();
        if (!st.isAvailable() && noneInKeychain) {
            return null;
        }
        if (!st.isAvailable()) {
            return SettingsPhrase.KEY_NOT_REMOVED_STATE.say(state(st), st.reason());
        }
        for (KeySlot s : info.get().keySlots()) {
            try {
                store.delete(KeyResolver.entryName(a.id(), info.get(), s));
            } catch (SecretStoreException e) {
                return SettingsPhrase.KEY_SLOT_NOT_REMOVED.say(s.name(), e.getMessage());
            }
        }
        return null;
    }

    private static int indexOf(List<Account> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String uniqueId(String base, List<Account> existing) {
        String id = base;
        for (int n = 2; indexOf(existing, id) >= 0; n++) {
            String suffix = "-" + n;
            id = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        }
        return id;
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
