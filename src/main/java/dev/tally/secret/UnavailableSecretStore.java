package dev.tally.secret;

import dev.tally.core.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * The store used when there is no usable keychain: it has no keys, refuses to store any (saying why) and
 * never falls back to plaintext. Thread-safe, never blocks.
 */
public final class UnavailableSecretStore implements SecretStore {
    private final StoreStatus status;

    /** @param reason why there is no keychain, e.g. "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set" */
    public UnavailableSecretStore(String reason) {
        this.status = StoreStatus.unavailable(Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public StoreStatus status() {
        return status;
    }

    /** Always empty: there is nowhere a key could have been stored. */
    @Override
    public Optional<Secret> read(String account) {
        AccountNames.check(account);
        return Optional.empty();
    }

    /** @throws SecretStoreException always, with the reason; the key is not stored anywhere */
    @Override
    public void write(String account, Secret key) {
        AccountNames.check(account);
        Objects.requireNonNull(key, "key");
        throw new SecretStoreException(KeychainPhrase.NO_OS_KEYCHAIN.text(account, status.text()));
    }

    /** Nothing to delete; succeeds. */
    @Override
    public void delete(String account) {
        AccountNames.check(account);
    }

    @Override
    public String name() {
        return "no keychain";
    }
}
