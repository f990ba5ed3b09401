/**
 * Where API keys live: the {@link dev.tally.secret.SecretStore} contract, the OS keychain behind it
 * ({@link dev.tally.secret.KeyringSecretStore}: Secret Service on Linux, macOS Keychain, Windows
 * Credential Manager, all through java-keyring on one worker thread with injected waits; a keychain that does not
 * answer in time is "not answering", never "no key"), and the store used
 * when there is no keychain ({@link dev.tally.secret.UnavailableSecretStore}, which refuses to store
 * anything rather than fall back to plaintext). Keys can also come from a command the user names, e.g. a
 * password manager's ({@link dev.tally.secret.KeyCommandRunner}: no shell, stdin closed, minimal environment,
 * timeout, capped output; {@link dev.tally.secret.KeyCommands}: kept in memory for a while, one run at a time per
 * account). {@link dev.tally.secret.KeyResolver} asks, per key slot: command, keychain, environment.
 *
 * <p>Entries use service {@code Tally} and the account id as the account name, so users can see them
 * with their OS's own tools ({@code secret-tool search service Tally}, Keychain Access, Credential
 * Manager). This package never writes a key to a file, a log or an exception message.
 * Must not import JavaFX, AWT or the {@code account}, {@code poll}, {@code ui}, {@code tray} packages.
 */
package dev.tally.secret;
