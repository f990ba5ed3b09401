package dev.tally.secret;

import java.util.Objects;

/** Argument checks shared by the stores. */
final class AccountNames {
    private AccountNames() {
    }

    /** @throws IllegalArgumentException if the account name is blank or contains control characters */
    static String check(String account) {
        Objects.requireNonNull(account, "account");
        if (account.isBlank()) {
            throw new IllegalArgumentException("the account name is blank");
        }
        if (account.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the account name contains a control character");
        }
        return account;
    }
}
