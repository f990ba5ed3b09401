package dev.tally.desktop;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.core.Secret;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The empty window's offer: providers with a key in the environment and no account yet, and adding them as
 * accounts (a locked read-modify-write of accounts.json), their keys copied into the keychain so the widget still
 * finds them when started from a launcher without the shell's environment. Blocking (file, keychain): io thread.
 */
final class EnvironmentImport {
    private static final System.Logger LOG = System.getLogger(EnvironmentImport.class.getName());

    private final ProviderCatalog catalog;
    private final AccountStore accounts;
    private final KeyResolver keys;
    private final Supplier<SecretStore> secrets;

    EnvironmentImport(ProviderCatalog catalog, AccountStore accounts, KeyResolver keys, Supplier<SecretStore> secrets) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.keys = keys;
        this.secrets = secrets;
    }

    /** The names of providers with a key in the environment and none of {@code existing}; fields-free ones only. */
    List<String> offer(List<Account> existing) {
        List<String> out = new ArrayList<>();
        for (ProviderInfo info : catalog.supported()) {
            if (importable(info, existing)) {
                out.add(info.displayName());
            }
        }
        return out;
    }

    private boolean importable(ProviderInfo info, List<Account> existing) {
        boolean has = existing.stream().anyMatch(a -> a.provider().equals(info.id()));
        return !has && keys.hasEnvKey(info) && !info.hasRequiredFields();
    }

    /**
     * Adds an account for each offered provider and copies its keys to the keychain.
     *
     * @param problem told ("Tally", one line) when accounts.json cannot be written
     * @return whether anything was added
     */
    boolean addAll(BiConsumer<String, String> problem) {
        AccountStore.Loaded loaded = accounts.load();
        if (!loaded.writable()) {
            loaded.warning().ifPresent(w -> problem.accept("Tally", w));
            return false;
        }
        List<Account> added = new ArrayList<>();
        try {
            accounts.update(now -> {
                added.clear();
                List<Account> all = new ArrayList<>(now);
                for (ProviderInfo info : catalog.supported()) {
                    if (!importable(info, all)) {
                        continue;
                    }
                    Account a = new Account(Account.slug(info.id(), null), info.id(), info.displayName(), null, null,
                            null, null, Account.DEFAULT_INTERVAL);
                    all.add(a);
                    added.add(a);
                }
                return all;
            });
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            problem.accept("Tally", e.getMessage());
            return false;
        }
        for (Account a : added) {
            catalog.find(a.provider().value()).ifPresent(info -> copyKeysToKeychain(info, a));
        }
        return true;
    }

    private void copyKeysToKeychain(ProviderInfo info, Account a) {
        SecretStore store = secrets.get();
        if (!store.status().isAvailable()) {
            return;
        }
        for (KeySlot slot : info.keySlots()) {
            keys.env(slot.envVar()).ifPresent(v -> {
                try {
                    store.write(KeyResolver.entryName(a.id(), info, slot), Secret.of(v));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not copy the " + slot.name() + " key of " + a.id()
                            + " to the keychain: " + e.getMessage());
                }
            });
        }
    }
}
