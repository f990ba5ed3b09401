package dev.tally.desktop;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.core.ProviderId;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.ManualClock;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The empty window's "keys found in your environment" offer and what accepting it does, with a real accounts.json. */
class EnvironmentImportTest {
    @TempDir
    Path home;

    @Test
    void offersProvidersWithAKeyAndNoAccountAndAddsThemWithTheirKeysInTheKeychain() {
        Map<String, String> env = Map.of("DEEPSEEK_API_KEY", ProviderHarness.CANARY, "MOONSHOT_API_KEY", "sk-moon-test",
                "XAI_MANAGEMENT_KEY", "xai-test");
        MemorySecretStore keychain = new MemorySecretStore();
        ProviderCatalog catalog = ProviderCatalog.standard();
        AccountStore accounts = new AccountStore(home, new ManualClock(ProviderHarness.NOW));
        accounts.save(List.of(new Account("moonshot", ProviderId.of("moonshot"), "Moonshot", null, null, null, null, 5)));
        EnvironmentImport imports = new EnvironmentImport(catalog, accounts, new KeyResolver(env, () -> keychain),
                () -> keychain);

        assertEquals(List.of("DeepSeek"), imports.offer(accounts.load().accounts()),
                "Moonshot has an account already; xAI needs a team id first");

        List<String> problems = new ArrayList<>();
        assertTrue(imports.addAll((title, text) -> problems.add(text)));
        assertEquals(List.of(), problems);
        assertEquals(List.of("moonshot", "deepseek"), accounts.load().accounts().stream().map(Account::id).toList());
        assertTrue(keychain.read("deepseek").isPresent(), "the key is in the keychain for a widget started from a menu");
        assertEquals(List.of(), imports.offer(accounts.load().accounts()), "nothing left to offer");
    }
}
