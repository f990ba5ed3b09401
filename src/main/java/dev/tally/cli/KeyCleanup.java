package dev.tally.cli;

import dev.tally.account.Account;
import dev.tally.app.AppContext;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;

/** Removes an account's keychain entries when the account goes. */
final class KeyCleanup {
    private KeyCleanup() {
    }

    static void removeKeys(AppContext ctx, Account account, Cli.Io io) {
        ProviderInfo info = ctx.catalog().find(account.provider().value()).orElse(null);
        if (info == null) {
            return;
        }
        SecretStore store = ctx.secrets();
        if (!store.status().isAvailable()) {
            io.err().println("tally: " + CliPhrase.ACCOUNTS_KEYCHAIN_UNAVAILABLE.say(store.status().reason(), account.id()));
            return;
        }
        for (KeySlot slot : info.keySlots()) {
            try {
                store.delete(KeyResolver.entryName(account.id(), info, slot));
            } catch (SecretStoreException e) {
                io.err().println("tally: " + CliPhrase.ACCOUNTS_KEY_NOT_REMOVED.say(slot.name(), account.id(), e.getMessage()));
            }
        }
    }
}
