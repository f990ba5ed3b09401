/**
 * Configured accounts: {@link dev.tally.account.Account} (id, provider, label, region, base URL, team id,
 * threshold, interval) and {@link dev.tally.account.AccountStore}, the versioned {@code accounts.json} written
 * atomically. Never holds a key. Imports nothing from JavaFX, AWT, HTTP or SQL.
 */
package dev.tally.account;
