package dev.tally.secret;

import dev.tally.core.Secret;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an account's key is said to come from, including when the keychain cannot be read. */
class KeyResolverTest {
    private static final ProviderInfo DEEPSEEK = ProviderCatalog.standard().find("deepseek").orElseThrow();

    /** A keychain the OS reports as locked (the real one is exercised in KeyringSecretStoreTest). */
    private static SecretStore locked() {
        return new SecretStore() {
            @Override
            public StoreStatus status() {
                return StoreStatus.locked("the default keyring is locked");
            }

            @Override
            public Optional<Secret> read(String account) {
                throw new SecretStoreException("locked");
            }

            @Override
            public void write(String account, Secret key) {
                throw new SecretStoreException("locked");
            }

            @Override
            public void delete(String account) {
                throw new SecretStoreException("locked");
            }

            @Override
            public String name() {
                return "GNOME Keyring (Secret Service)";
            }
        };
    }

    @Test
    void aLockedKeychainMakesAStoredKeyUnknownNotMissing() {
        KeyResolver keys = new KeyResolver(Map.of(), KeyResolverTest::locked);
        KeyResolver.Found f = keys.find(DEEPSEEK, "deepseek-work").get("api");
        assertEquals(KeyResolver.Source.KEYCHAIN_UNREADABLE, f.source());
        assertTrue(f.key().isEmpty());
        assertTrue(f.source().label().contains("keychain not readable"), f.source().label());
        assertTrue(keys.keychainProblem().orElseThrow().contains("locked"));
    }

    @Test
    void theEnvironmentStillAnswersWhileTheKeychainIsLocked() {
        KeyResolver keys = new KeyResolver(Map.of("DEEPSEEK_API_KEY", "sk-env-a1b2"), KeyResolverTest::locked);
        KeyResolver.Found f = keys.find(DEEPSEEK, "deepseek-work").get("api");
        assertEquals(KeyResolver.Source.ENV, f.source());
        assertEquals("sk-env-a1b2", f.key().orElseThrow().reveal());
    }

    @Test
    void aKeychainThatDoesNotAnswerInTimeIsNotReadEither() {
        KeyResolver keys = new KeyResolver(Map.of(), () -> new UnavailableSecretStore("timeout: Secret Service did not answer within 0.8 s"));
        assertEquals(KeyResolver.Source.KEYCHAIN_UNREADABLE, keys.find(DEEPSEEK, "deepseek-work").get("api").source());
    }

    @Test
    void noKeychainAtAllMeansTheKeyIsMissing() {
        KeyResolver keys = new KeyResolver(Map.of(), () -> new UnavailableSecretStore("no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set"));
        assertEquals(KeyResolver.Source.MISSING, keys.find(DEEPSEEK, "deepseek-work").get("api").source());
    }

    @Test
    void aKeychainTurnedOffHoldsNothingSoTheKeyIsMissing() {
        KeyResolver keys = new KeyResolver(Map.of(), () -> new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off"));
        assertEquals(KeyResolver.Source.MISSING, keys.find(DEEPSEEK, "deepseek-work").get("api").source());
    }
}
