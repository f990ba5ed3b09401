package dev.tally.testing;

import dev.tally.core.Secret;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;
import dev.tally.secret.StoreStatus;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A keychain double for tests only: keeps keys in memory, and can be switched to "unavailable" to
 * act like a desktop without a keychain. Never use outside tests: a real store never keeps keys in plain memory maps.
 */
public final class MemorySecretStore implements SecretStore {
    public final Map<String, Secret> entries = new ConcurrentHashMap<>();
    private final String name;
    private volatile StoreStatus status = StoreStatus.available("memory");

    public MemorySecretStore() {
        this("Test Keychain");
    }

    /** @param name what the store calls itself, e.g. the name a real keychain would show in a screenshot */
    public MemorySecretStore(String name) {
        this.name = name;
    }

    /** Reads and writes work again (after {@link #makeUnavailable}). */
    public void makeAvailable() {
        status = StoreStatus.available("memory");
    }

    public void makeUnavailable(String reason) {
        status = StoreStatus.unavailable(reason);
    }

    @Override
    public StoreStatus status() {
        return status;
    }

    @Override
    public Optional<Secret> read(String account) {
        check();
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public void write(String account, Secret key) {
        check();
        entries.put(account, key);
    }

    @Override
    public void delete(String account) {
        check();
        entries.remove(account);
    }

    private void check() {
        if (!status.isAvailable()) {
            throw new SecretStoreException("the test keychain is " + status);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
