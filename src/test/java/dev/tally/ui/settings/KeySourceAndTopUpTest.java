package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import dev.tally.ui.settings.AccountFormViewModel.ProviderChoice;
import dev.tally.ui.settings.KeySourceViewModel.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account form's "Key from" (keychain, environment, a password manager's command) and "Last top-up" (the basis of
 * an estimated balance), saved to a real accounts.json, without a toolkit.
 */
class KeySourceAndTopUpTest {
    @TempDir
    Path home;

    private final MemorySecretStore keychain = new MemorySecretStore();
    private SettingsFixture fx;
    private SettingsViewModel vm;

    private void open(Map<String, String> env, Account... saved) {
        fx = new SettingsFixture(home);
        fx.env = env;
        if (saved.length > 0) {
            fx.accounts.save(List.of(saved));
        }
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load();
    }

    private ProviderChoice choice(String id) {
        return vm.form().providerChoices().stream().filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
    }

    private Account saved(String id) {
        return fx.accounts.load().accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPresetFillsTheCommandAndSavingStoresItsArgumentsNotTheKey() throws Exception {
        open(Map.of());
        vm.form().chooseProvider(choice("deepseek"));
        KeySourceViewModel ks = vm.form().keySource();
        assertEquals(Source.KEYCHAIN, ks.sourceProperty().get(), "a new account keeps its key in the keychain");
        vm.form().keyFields().getFirst().textProperty().set(ProviderHarness.CANARY);
        ks.usePreset(KeySourceViewModel.PRESETS.get(1));
        assertEquals(Source.COMMAND, ks.sourceProperty().get());
        assertEquals("pass show api/deepseek", ks.commandProperty().get());
        assertTrue(vm.canSaveProperty().get());
        vm.save();
        Account a = saved("deepseek");
        assertEquals(Map.of("api", List.of("pass", "show", "api/deepseek")), a.keyCommands());
        assertTrue(keychain.entries.isEmpty(), "a key typed before choosing Command is not stored anywhere");
        assertFalse(Files.readString(fx.accounts.file()).contains(ProviderHarness.CANARY));
    }

    @Test
    void everyPresetIsAValidCommandForEverySupportedProvider() {
        open(Map.of());
        for (ProviderChoice c : vm.form().providerChoices().stream().filter(ProviderChoice::enabled).toList()) {
            vm.form().add();
            vm.form().chooseProvider(c);
            for (KeySourceViewModel.Preset p : KeySourceViewModel.PRESETS) {
                vm.form().keySource().usePreset(p);
                assertEquals("", vm.form().keySource().errorProperty().get(), c.name() + " / " + p.name());
                assertTrue(vm.form().validProperty().get(), c.name() + " / " + p.name());
            }
        }
    }

    @Test
    void aCommandIsSplitLikeAShellWithoutRunningOne() {
        open(Map.of());
        vm.form().chooseProvider(choice("openrouter"));
        KeySourceViewModel ks = vm.form().keySource();
        ks.sourceProperty().set(Source.COMMAND);
        assertFalse(vm.canSaveProperty().get(), "Command with nothing typed cannot be saved");
        assertTrue(ks.errorProperty().get().startsWith("Enter the command"), ks.errorProperty().get());
        ks.commandProperty().set("op read 'op://Private/My Key/credential");
        assertEquals("A quote in the command is not closed", ks.errorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        ks.commandProperty().set("op read 'op://Private/My Key/credential' --no-newline");
        assertEquals("", ks.errorProperty().get());
        vm.save();
        assertEquals(List.of("op", "read", "op://Private/My Key/credential", "--no-newline"),
                saved("openrouter").keyCommands().get("api"), "quotes keep a word together; nothing is expanded");
    }

    @Test
    void reopeningShowsTheCommandAndChoosingTheKeychainDropsIt() {
        Account withCommand = new Account("deepseek-work", ProviderId.of("deepseek"), "DeepSeek (work)", null, null,
                null, null, 5).withKeyCommand("api", List.of("secret-tool", "lookup", "service", "deep seek"));
        open(Map.of(), withCommand);
        KeySourceViewModel ks = vm.form().keySource();
        assertEquals(Source.COMMAND, ks.sourceProperty().get());
        assertEquals("secret-tool lookup service 'deep seek'", ks.commandProperty().get());
        assertFalse(vm.form().dirtyProperty().get(), "showing the saved command changes nothing");
        ks.sourceProperty().set(Source.KEYCHAIN);
        assertTrue(vm.canSaveProperty().get());
        vm.save();
        assertTrue(saved("deepseek-work").keyCommands().isEmpty());
    }

    @Test
    void environmentSaysWhetherTheVariableIsSetWhereTallyRuns() {
        open(Map.of("DEEPSEEK_API_KEY", ProviderHarness.CANARY));
        vm.form().chooseProvider(choice("deepseek"));
        vm.form().keySource().sourceProperty().set(Source.ENVIRONMENT);
        assertTrue(vm.form().keySource().noteProperty().get().startsWith("DEEPSEEK_API_KEY is set"),
                vm.form().keySource().noteProperty().get());
        assertFalse(vm.form().keySource().noteProperty().get().contains(ProviderHarness.CANARY));
        vm.form().add();
        vm.form().chooseProvider(choice("moonshot"));
        vm.form().keySource().sourceProperty().set(Source.ENVIRONMENT);
        assertTrue(vm.form().keySource().noteProperty().get().contains("is not set"),
                vm.form().keySource().noteProperty().get());
    }

    @Test
    void aTopUpOnASpendOnlyProviderAllowsAnAlertOnTheEstimate() {
        open(Map.of());
        vm.form().chooseProvider(choice("openai"));
        AccountFormViewModel f = vm.form();
        assertFalse(f.thresholdAvailableProperty().get(), "OpenAI reports no balance: no alert without a top-up");
        assertTrue(f.thresholdNoteProperty().get().endsWith("— give your last top-up below to alert on an estimate"), f.thresholdNoteProperty().get());
        f.topUp().amountProperty().set("120");
        assertEquals("Say which currency the top-up is in, e.g. '120 USD'", f.topUp().errorProperty().get());
        assertFalse(f.validProperty().get());
        f.topUp().amountProperty().set("$120");
        f.topUp().dateProperty().set("2026-11-30");
        assertEquals("", f.topUp().errorProperty().get());
        assertTrue(f.thresholdAvailableProperty().get());
        assertEquals("USD", f.fixedCurrencyProperty().get(), "the alert is in the top-up's currency");
        assertEquals(SettingsPhrase.ALERT_ON_ESTIMATE.say(), f.thresholdNoteProperty().get());
        f.thresholdProperty().set("20");
        assertTrue(vm.canSaveProperty().get());
        vm.save();
        Account a = saved("openai");
        assertEquals(new KnownTopUp(new Money(new BigDecimal("120"), "USD"), Instant.parse("2026-11-30T00:00:00Z")),
                a.topUp());
        assertEquals(new Money(new BigDecimal("20"), "USD"), a.threshold());

        vm.load("openai");
        assertEquals("120 USD", f.topUp().amountProperty().get());
        assertEquals("2026-11-30", f.topUp().dateProperty().get());
        assertEquals("20", f.thresholdProperty().get(), "the estimate's alert is shown again");
        assertFalse(f.dirtyProperty().get());
    }

    @Test
    void aNewerTopUpBecomesTheBasisAndHistoryKeepsTheOlder() {
        Account a = new Account("openai", ProviderId.of("openai"), "OpenAI", null, null, null, null, 15)
                .withTopUp(new KnownTopUp(new Money(new BigDecimal("50"), "USD"), Instant.parse("2026-10-01T00:00:00Z")));
        open(Map.of(), a);
        vm.form().topUp().amountProperty().set("80 USD");
        vm.form().topUp().dateProperty().set("2026-11-20");
        vm.save();
        Account after = saved("openai");
        assertEquals(2, after.topUps().size());
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), after.topUp().at());
        vm.form().topUp().amountProperty().set("");
        vm.form().topUp().dateProperty().set("");
        vm.save();
        assertNull(saved("openai").topUp(), "clearing the top-up forgets the estimate's basis");
        assertEquals(Optional.empty(), vm.form().topUp().value());
    }

    @Test
    void aTopUpInTheFutureIsRefusedWithWhatToType() {
        open(Map.of());
        vm.form().chooseProvider(choice("anthropic"));
        vm.form().topUp().amountProperty().set("100 USD");
        vm.form().topUp().dateProperty().set("2999-01-01");
        assertEquals("2999-01-01 is in the future; give the day of your last top-up",
                vm.form().topUp().errorProperty().get());
        assertFalse(vm.canSaveProperty().get());
    }
}
