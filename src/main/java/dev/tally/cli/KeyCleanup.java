package dev.tally.cli;

import dev.tally.account.Account;
import dev.tally.app.AppContext;

/** Removes an account's keychain entries when the account goes. */
final class KeyCleanup {
    private KeyCleanup() {
    }

    static void removeKeys(AppContext ctx, Account account, Cli.Io io) {
        // the keychain store arrives with the keyring layer; until then there is nothing stored to remove
    }
}
