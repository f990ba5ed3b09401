package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.account.Preferences;
import dev.tally.autostart.NoAutostart;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.Secret;
import dev.tally.core.SpendReport;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.UnavailableSecretStore;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import dev.tally.ui.settings.AccountFormViewModel.Mode;
import dev.tally.ui.settings.AccountFormViewModel.ProviderChoice;
import dev.tally.ui.settings.SettingsViewModel.SaveResult;
import dev.tally.ui.settings.SettingsViewModel.StatusKind;
import dev.tally.ui.settings.TestConnectionViewModel.TestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The settings view model without a toolkit: executors run tasks on the test's thread. */
class SettingsViewModelTest {
    private static final String KEY = ProviderHarness.CANARY;

    @TempDir
    Path home;

    private final FakeProviderServer server = FakeProviderServer.start();
    private final MemorySecretStore keychain = new MemorySecretStore();
    private final List<SaveResult> saves = new ArrayList<>();
    private SettingsFixture fx;
    private SettingsViewModel vm;

    private SettingsViewModel open(dev.tally.secret.SecretStore store, Executor background) {
        fx = new SettingsFixture(home);
        vm = fx.viewModel(store, background, Runnable::run);
        vm.setOnSaved(saves::add);
        vm.load();
        return vm;
    }

    private SettingsViewModel open() {
        return open(keychain, Runnable::run);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProviderChoice choice(String id) {
        return vm.form().providerChoices().stream().filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
    }

    /** Fills a new DeepSeek account pointing at the fake server. */
    private void typeDeepSeek(String label, String key) {
        assertTrue(vm.form().chooseProvider(choice("deepseek")));
        vm.form().labelProperty().set(label);
        vm.form().baseUrlProperty().set(server.baseUrl().toString());
        vm.form().keyFields().getFirst().textProperty().set(key);
    }

    private String accountsJson() throws Exception {
        return Files.readString(fx.accounts.file());
    }

    @Test
    void editKeyOpensTheAccountWhoseKeyWasRejectedNotTheFirstOne() {
        fx = new SettingsFixture(home);
        fx.accounts.save(List.of(
                new dev.tally.account.Account("deepseek-work", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek (work)",
                        null, null, null, null, 5),
                new dev.tally.account.Account("deepseek-home", dev.tally.core.ProviderId.of("deepseek"), "DeepSeek (home)",
                        null, null, null, null, 5)));
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load("deepseek-home");
        assertEquals("deepseek-home", vm.form().editingIdProperty().get());
        vm.load();
        assertEquals("deepseek-work", vm.form().editingIdProperty().get(), "without a choice: the first account");
    }

    @Test
    void firstOpenWithNoAccountsStartsANewAccountAndCannotSaveUntilAProviderIsPicked() {
        open();
        assertFalse(vm.loadingProperty().get());
        assertEquals(Mode.NEW, vm.form().modeProperty().get());
        assertTrue(vm.list().accounts().isEmpty());
        assertNull(vm.form().providerProperty().get());
        assertFalse(vm.canSaveProperty().get());
        assertEquals("Keys are kept in Test Keychain, never in a file.", vm.keychain().messageProperty().get());
        assertEquals("", vm.form().providerErrorProperty().get(), "no complaint before anything was typed");
        vm.form().labelProperty().set("Work ");
        assertEquals("choose the provider of this account", vm.form().providerErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.form().chooseProvider(choice("deepseek"));
        assertEquals("", vm.form().providerErrorProperty().get());
        assertTrue(vm.canSaveProperty().get(), "a DeepSeek account without a key is fine: DEEPSEEK_API_KEY may hold it");
        vm.save();
        assertEquals("Work", vm.form().labelProperty().get());
        assertFalse(vm.form().dirtyProperty().get(), "saved, nothing left over");
        assertTrue(keychain.entries.isEmpty());
    }

    @Test
    void unsupportedProvidersAreListedGreyedWithTheirReasonAndCannotBePicked() {
        open();
        List<ProviderChoice> choices = vm.form().providerChoices();
        assertEquals("DeepSeek", choices.getFirst().name());
        assertTrue(choices.getFirst().enabled());
        ProviderChoice groq = choice("groq");
        assertFalse(groq.enabled());
        assertTrue(groq.reason().contains("no API for balance"), groq.reason());
        assertTrue(choices.stream().filter(c -> !c.enabled()).allMatch(c -> Character.isUpperCase(c.reason().charAt(0))),
                "reasons read as sentences");
        int firstUnsupported = choices.indexOf(choices.stream().filter(c -> !c.enabled()).findFirst().orElseThrow());
        assertTrue(choices.subList(firstUnsupported, choices.size()).stream().noneMatch(ProviderChoice::enabled),
                "supported providers come first");

        assertTrue(vm.form().chooseProvider(choice("deepseek")));
        assertFalse(vm.form().chooseProvider(groq));
        assertEquals("DeepSeek", vm.form().providerProperty().get().name(), "the form keeps the provider it had");
        assertTrue(vm.form().providerMessageProperty().get().startsWith("Groq cannot be added: Groq has no API for balance"),
                vm.form().providerMessageProperty().get());
    }

    @Test
    void pickingAProviderFillsTheLabelAndOneKeyFieldPerSlot() {
        open();
        vm.form().chooseProvider(choice("openrouter"));
        assertEquals("OpenRouter", vm.form().labelProperty().get());
        assertEquals(List.of("API key", "Management key"), vm.form().keyFields().stream().map(KeyFieldViewModel::title).toList());
        assertTrue(vm.form().keyFields().get(1).description().contains("management key"));
        assertEquals("https://openrouter.ai", vm.form().baseUrlPromptProperty().get());
        vm.form().chooseProvider(choice("xai"));
        assertEquals("xAI", vm.form().labelProperty().get(), "an untouched default label follows the provider");
        assertTrue(vm.form().field("team_id").neededProperty().get());
        assertTrue(vm.form().field("team_id").hintProperty().get().contains("XAI_TEAM_ID"));
        vm.form().labelProperty().set("Work");
        vm.form().chooseProvider(choice("deepseek"));
        assertEquals("Work", vm.form().labelProperty().get(), "a typed label is kept");
        assertFalse(vm.form().field("team_id").neededProperty().get());
    }

    @Test
    void everyFieldSaysWhatIsWrongAndSaveStaysDisabledUntilItIsFixed() {
        open();
        typeDeepSeek("", KEY);
        assertEquals("give the account a label, e.g. “DeepSeek (work)”", vm.form().labelErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.form().labelProperty().set("DeepSeek (work)");
        assertEquals("", vm.form().labelErrorProperty().get());
        assertTrue(vm.canSaveProperty().get());

        vm.form().baseUrlProperty().set("http://proxy.example.com");
        assertTrue(vm.form().baseUrlErrorProperty().get().startsWith("the base URL must use https"), vm.form().baseUrlErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.form().baseUrlProperty().set("ftp://proxy.example.com");
        assertTrue(vm.form().baseUrlErrorProperty().get().contains("must look like https://host"), vm.form().baseUrlErrorProperty().get());
        vm.form().baseUrlProperty().set("https://proxy.example.com/deepseek?x=1");
        assertEquals("the base URL must not contain a query or fragment", vm.form().baseUrlErrorProperty().get());
        vm.form().baseUrlProperty().set("");
        assertEquals("", vm.form().baseUrlErrorProperty().get(), "empty means the documented host");

        vm.form().thresholdProperty().set("five");
        assertEquals("the alert level is not an amount; write e.g. 5 or 5.50", vm.form().thresholdErrorProperty().get());
        vm.form().thresholdProperty().set("5");
        assertEquals("choose the currency of the alert level", vm.form().thresholdErrorProperty().get(),
                "DeepSeek can hold CNY and USD, so the currency must be chosen");
        vm.form().thresholdCurrencyProperty().set("CNY");
        assertEquals("", vm.form().thresholdErrorProperty().get());

        vm.form().intervalProperty().set("0");
        assertEquals("the interval must be a whole number of minutes from 1 to 1440", vm.form().intervalErrorProperty().get());
        vm.form().intervalProperty().set("2.5");
        assertEquals("the interval must be a whole number of minutes from 1 to 1440", vm.form().intervalErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.form().intervalProperty().set("1");
        assertEquals("", vm.form().intervalErrorProperty().get());

        vm.form().keyFields().getFirst().textProperty().set("sk-abc\u0007def");
        assertEquals("the key contains a control character or line break", vm.form().keyFields().getFirst().errorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        assertFalse(vm.connection().canTestProperty().get());
        vm.form().keyFields().getFirst().textProperty().set(KEY);
        assertTrue(vm.form().validProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void aLabelWithALineBreakOrTabCannotBeSaved() {
        open();
        typeDeepSeek("DeepSeek\n(work)", KEY);
        assertEquals("a label must be one line without control characters (newline, tab, …)", vm.form().labelErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.form().labelProperty().set("DeepSeek\t(work)");
        assertFalse(vm.canSaveProperty().get());
        vm.form().labelProperty().set("DeepSeek (work)");
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void aSecondAccountOfTheSameProviderNeedsAnotherLabel() {
        open();
        typeDeepSeek("DeepSeek (work)", KEY);
        vm.save();
        vm.form().add();
        typeDeepSeek("deepseek (WORK)", KEY);
        assertEquals("there is already a DeepSeek account labelled “DeepSeek (work)”", vm.form().labelErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
    }

    @Test
    void theAlertCurrencyFollowsTheRegionWhereTheProviderFixesIt() {
        open();
        vm.form().chooseProvider(choice("moonshot"));
        assertEquals(List.of("global", "china"), vm.form().regionChoices());
        assertEquals("global", vm.form().regionProperty().get());
        assertEquals("USD", vm.form().fixedCurrencyProperty().get());
        assertEquals("Global — api.moonshot.ai (USD)", vm.form().regionName("global"));
        vm.form().regionProperty().set("china");
        assertEquals("CNY", vm.form().fixedCurrencyProperty().get());
        assertEquals("https://api.moonshot.cn", vm.form().baseUrlPromptProperty().get());
        assertTrue(vm.form().currencyChoices().isEmpty(), "no currency to choose when the region fixes it");
        vm.form().thresholdProperty().set("20");
        assertEquals("", vm.form().thresholdErrorProperty().get());

        vm.form().chooseProvider(choice("openrouter"));
        assertTrue(vm.form().regionChoices().isEmpty(), "single-host providers have no region choice");
        assertNull(vm.form().regionProperty().get());
        assertEquals("USD", vm.form().fixedCurrencyProperty().get());

        vm.form().chooseProvider(choice("deepseek"));
        assertNull(vm.form().fixedCurrencyProperty().get());
        assertTrue(vm.form().currencyChoices().containsAll(List.of("CNY", "USD")));
    }

    @Test
    void onlyTheCurrenciesTheProviderReportsAreOffered() {
        open();
        vm.form().chooseProvider(choice("deepseek"));
        assertEquals(List.of("CNY", "USD"), vm.form().currencyChoices(), "DeepSeek reports CNY and USD rows, nothing else");
        assertTrue(vm.form().thresholdAvailableProperty().get());
        assertEquals("", vm.form().thresholdNoteProperty().get());
        vm.form().chooseProvider(choice("novita"));
        assertEquals("USD", vm.form().fixedCurrencyProperty().get());
        assertTrue(vm.form().currencyChoices().isEmpty());
    }

    @Test
    void aSpendOnlyProviderHasNoAlertLevelAndSaysWhy() throws Exception {
        open();
        vm.form().chooseProvider(choice("deepseek"));
        vm.form().thresholdProperty().set("5");
        vm.form().chooseProvider(choice("openai"));
        assertFalse(vm.form().thresholdAvailableProperty().get(), "the field is disabled");
        assertEquals("OpenAI reports spend only, not a balance, so a low-balance alert would never fire"
                + " — give your last top-up below to alert on an estimate", vm.form().thresholdNoteProperty().get());
        assertEquals("", vm.form().thresholdProperty().get(), "no leftover amount in the disabled field");
        assertTrue(vm.form().currencyChoices().isEmpty());
        assertNull(vm.form().fixedCurrencyProperty().get());
        vm.form().labelProperty().set("OpenAI (org)");
        vm.save();
        assertNull(fx.accounts.load().accounts().getFirst().threshold());
    }

    @Test
    void aSavedThresholdThatCouldNeverFireIsShownAsSuch() {
        fx = new SettingsFixture(home);
        fx.accounts.save(List.of(
                new Account("deepseek", ProviderId.of("deepseek"), "DeepSeek", null, null, null, Money.of("5", "EUR"), 5),
                new Account("openai", ProviderId.of("openai"), "OpenAI", null, null, null, Money.of("5", "USD"), 5)));
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load("deepseek");
        assertEquals(List.of("CNY", "USD"), vm.form().currencyChoices(), "EUR is not offered");
        assertEquals("DeepSeek reports balances in CNY or USD, so an alert in EUR would never fire; choose one of them",
                vm.form().thresholdErrorProperty().get());
        vm.form().thresholdCurrencyProperty().set("CNY");
        assertEquals("", vm.form().thresholdErrorProperty().get());

        vm.load("openai");
        assertEquals("", vm.form().thresholdProperty().get(), "an OpenAI alert could never fire: none is shown");
        assertFalse(vm.form().thresholdAvailableProperty().get());
        vm.form().intervalProperty().set("10");
        vm.save();
        Account saved = fx.accounts.load().accounts().stream().filter(a -> a.id().equals("openai")).findFirst().orElseThrow();
        assertNull(saved.threshold(), "saving drops the alert that could never fire");
        assertEquals(10, saved.intervalMinutes());
    }

    @Test
    void editingAnAccountWhoseKeyComesFromACommandKeepsTheCommand() {
        fx = new SettingsFixture(home);
        List<String> op = List.of("op", "read", "op://Private/DeepSeek/credential");
        fx.accounts.save(List.of(new Account("deepseek", ProviderId.of("deepseek"), "DeepSeek", null, null, null, null, 5,
                java.util.Map.of("api", op))));
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load("deepseek");
        vm.form().intervalProperty().set("10");
        vm.save();
        Account saved = fx.accounts.load().accounts().getFirst();
        assertEquals(10, saved.intervalMinutes());
        assertEquals(java.util.Map.of("api", op), saved.keyCommands(), "the password-manager command is still used");
    }

    @Test
    void savedMoonshotAccountKeepsRegionAndRegionCurrencyThreshold() throws Exception {
        open();
        vm.form().chooseProvider(choice("moonshot"));
        vm.form().labelProperty().set("Kimi CN");
        vm.form().regionProperty().set("china");
        vm.form().thresholdProperty().set("20");
        vm.form().intervalProperty().set("15");
        vm.save();
        Account a = fx.accounts.load().accounts().getFirst();
        assertEquals("moonshot-kimi-cn", a.id());
        assertEquals("china", a.region());
        assertEquals(Money.of("20", "CNY"), a.threshold());
        assertEquals(15, a.intervalMinutes());
        assertEquals("Moonshot · China · every 15 min · alert below ¥20.00", vm.list().accounts().getFirst().detail());
    }

    @Test
    void testFetchesWithTheTypedKeyAndShowsTheBalance() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        Queue<Runnable> background = new ArrayDeque<>();
        open(keychain, background::add);
        runAll(background);
        typeDeepSeek("DeepSeek (work)", KEY);
        assertTrue(vm.connection().canTestProperty().get());

        vm.connection().test();
        assertEquals(TestState.RUNNING, vm.connection().testStateProperty().get());
        assertEquals("Testing…", vm.connection().testMessageProperty().get());
        assertTrue(vm.connection().canTestProperty().get(), "the button stays enabled (and focused) while a test runs");
        vm.connection().test();
        assertEquals(1, background.size(), "but a second press while one runs starts nothing: one test at a time");
        runAll(background);

        assertEquals(TestState.OK, vm.connection().testStateProperty().get());
        assertEquals("OK — ¥110.00", vm.connection().testMessageProperty().get(), "money written like the cards");
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"));
        assertTrue(keychain.entries.isEmpty(), "testing saves nothing");
        assertFalse(Files.exists(fx.accounts.file()), "testing saves nothing");
        assertEquals("CNY", vm.form().thresholdCurrencyProperty().get(), "the tested currency is offered for the alert");

        vm.form().keyFields().getFirst().textProperty().set(KEY + "x");
        assertEquals(TestState.IDLE, vm.connection().testStateProperty().get(), "a result is dropped once the key changes");
        assertEquals("", vm.connection().testMessageProperty().get());
    }

    @Test
    void aResultThatArrivesAfterTheFormChangedIsDropped() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        Queue<Runnable> background = new ArrayDeque<>();
        open(keychain, background::add);
        runAll(background);
        typeDeepSeek("DeepSeek", KEY);
        vm.connection().test();
        vm.form().baseUrlProperty().set("https://api.deepseek.com");
        runAll(background);
        assertEquals(TestState.IDLE, vm.connection().testStateProperty().get());
        assertEquals("", vm.connection().testMessageProperty().get());
    }

    @Test
    void aRejectedKeyShowsTheProvidersExactErrorWithoutTheKey() {
        server.fixture("/user/balance", 401, "deepseek/error-401.json");
        open();
        typeDeepSeek("DeepSeek", KEY);
        vm.connection().test();
        assertEquals(TestState.FAILED, vm.connection().testStateProperty().get());
        String msg = vm.connection().testMessageProperty().get();
        assertTrue(msg.startsWith("Key rejected — the key was rejected by 127.0.0.1 (HTTP 401: Authentication Fails"), msg);
        assertFalse(msg.contains("CANARY"), msg);
    }

    @Test
    void testTextsForSpendAndKeyLimitsSayWhatTheNumberIs() {
        Instant now = ProviderHarness.NOW;
        BalanceSnapshot spend = new BalanceSnapshot(ProviderId.of("openai"), now, null, List.of(),
                new SpendReport(Money.of("12.34", "USD"), SpendReport.MONTH_TO_DATE, now, now), null);
        assertEquals("spent $12.34 this month", TestConnectionViewModel.describe(spend));
        BalanceSnapshot limit = new BalanceSnapshot(ProviderId.of("openrouter"), now, null, List.of(), null,
                new KeyLimit("USD", new BigDecimal("10.00"), new BigDecimal("7.50"), new BigDecimal("2.50"), "monthly"));
        assertEquals("key limit $10.00, $7.50 left, used $2.50", TestConnectionViewModel.describe(limit));
        BalanceSnapshot two = new BalanceSnapshot(ProviderId.of("deepseek"), now, false, List.of(
                CurrencyBalance.of("USD", new BigDecimal("5.30")), CurrencyBalance.of("CNY", new BigDecimal("0.01"))), null, null);
        assertEquals("¥0.01 · $5.30 — the provider says the account cannot make API calls", TestConnectionViewModel.describe(two));
        assertEquals("••• · ••• — the provider says the account cannot make API calls", TestConnectionViewModel.describe(two, true));
        BalanceSnapshot partial = new BalanceSnapshot(ProviderId.of("openrouter"), now, null, List.of(), null, limit.keyLimit(),
                new dev.tally.core.FetchError.AuthFailed("the account's credit balance is not shown: the management key"
                        + " (OPENROUTER_MANAGEMENT_KEY) was rejected"));
        assertEquals("key limit $10.00, $7.50 left, used $2.50; but key rejected — the account's credit balance is not shown:"
                + " the management key (OPENROUTER_MANAGEMENT_KEY) was rejected", TestConnectionViewModel.describe(partial));
    }

    @Test
    void saveWritesTheAccountFileAndPutsTheKeyInTheKeychainOnly() throws Exception {
        open();
        typeDeepSeek("DeepSeek (work)", KEY);
        vm.form().thresholdProperty().set("5.50");
        vm.form().thresholdCurrencyProperty().set("CNY");
        assertTrue(vm.canSaveProperty().get());
        vm.save();

        Account a = fx.accounts.load().accounts().getFirst();
        assertEquals("deepseek-work", a.id());
        assertEquals("DeepSeek (work)", a.label());
        assertEquals(server.baseUrl(), a.baseUrl());
        assertEquals(Money.of("5.50", "CNY"), a.threshold());
        assertEquals(Account.DEFAULT_INTERVAL, a.intervalMinutes());
        assertEquals(Optional.of(Secret.of(KEY)), keychain.read("deepseek-work"));
        assertFalse(accountsJson().contains("CANARY"), "the key never goes to accounts.json");

        assertEquals("", vm.form().keyFields().getFirst().textProperty().get(), "the key field is cleared once stored");
        assertEquals("Saved in Test Keychain", vm.form().keyFields().getFirst().statusProperty().get());
        assertEquals(Mode.EXISTING, vm.form().modeProperty().get());
        assertEquals("deepseek-work", vm.form().editingIdProperty().get());
        assertFalse(vm.form().providerEditableProperty().get());
        assertFalse(vm.canSaveProperty().get(), "nothing left to save");
        assertEquals("Saved DeepSeek (work) and its key.", vm.statusProperty().get());
        assertEquals(StatusKind.SUCCESS, vm.statusKindProperty().get());
        assertEquals(1, saves.size());
        assertEquals(java.util.Set.of("deepseek-work"), saves.getFirst().keysChanged());
        assertEquals(List.of(a), saves.getFirst().accounts());
        assertEquals("DeepSeek (work)", vm.list().accounts().getFirst().label());
    }

    @Test
    void withoutAKeychainATypedKeySavesNothingKeepsTheFormAndSaysWhatToDo() throws Exception {
        String reason = "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set";
        open(new UnavailableSecretStore(reason), Runnable::run);
        assertTrue(vm.keychain().messageProperty().get().startsWith("The keychain is unavailable: " + reason
                + ". Keys you type can be tested but not saved"), vm.keychain().messageProperty().get());
        typeDeepSeek("DeepSeek (work)", KEY);
        vm.form().thresholdProperty().set("5");
        vm.form().thresholdCurrencyProperty().set("CNY");
        KeyFieldViewModel key = vm.form().keyFields().getFirst();
        assertTrue(key.statusProblemProperty().get());
        assertTrue(key.statusProperty().get().contains("leave this empty and set DEEPSEEK_API_KEY instead"),
                key.statusProperty().get());
        vm.save();

        assertFalse(Files.exists(fx.accounts.file()), "nothing is saved while the typed key cannot be");
        assertTrue(saves.isEmpty(), "the app is told of no change");
        assertEquals(StatusKind.ERROR, vm.statusKindProperty().get());
        assertEquals("Not saved — see the key field", vm.statusProperty().get(),
                "one line in the footer; the story is told once, under the key field");
        assertTrue(key.statusProblemProperty().get());
        String detail = key.statusProperty().get();
        assertTrue(detail.startsWith("Not saved: the keychain is unavailable (" + reason + ")"), "no capital after the colon: " + detail);
        assertTrue(detail.contains("never stores keys in plain text"), detail);
        assertTrue(detail.contains("Unlock or start your keychain and press Save again"), detail);
        assertTrue(detail.contains("clear the key field, set DEEPSEEK_API_KEY"), detail);
        assertFalse(detail.contains("CANARY"), detail);

        // every field as typed, still a new account that can be saved once the keychain works
        assertEquals(Mode.NEW, vm.form().modeProperty().get());
        assertEquals("DeepSeek (work)", vm.form().labelProperty().get());
        assertEquals(server.baseUrl().toString(), vm.form().baseUrlProperty().get());
        assertEquals("5", vm.form().thresholdProperty().get());
        assertEquals("CNY", vm.form().thresholdCurrencyProperty().get());
        assertEquals(KEY, key.textProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void withoutAKeychainAnAccountWithoutATypedKeyIsSavedForItsEnvironmentKey() throws Exception {
        open(new UnavailableSecretStore("no D-Bus session bus"), Runnable::run);
        typeDeepSeek("DeepSeek", "");
        vm.save();
        assertEquals("deepseek", fx.accounts.load().accounts().getFirst().id(), "DEEPSEEK_API_KEY can hold its key");
        assertEquals("Saved DeepSeek.", vm.statusProperty().get());
        assertEquals(StatusKind.SUCCESS, vm.statusKindProperty().get());
    }

    @Test
    void hideAmountsHidesMoneyInTheAccountListAndTheTestResult() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        open();
        typeDeepSeek("DeepSeek (work)", KEY);
        vm.form().thresholdProperty().set("20");
        vm.form().thresholdCurrencyProperty().set("CNY");
        vm.save();
        vm.connection().test();
        assertEquals("DeepSeek · every 5 min · alert below ¥20.00", vm.list().accounts().getFirst().detail());
        assertEquals("OK — ¥110.00", vm.connection().testMessageProperty().get());

        vm.general().hideAmountsProperty().set(true);
        assertEquals("DeepSeek · every 5 min · alert below •••", vm.list().accounts().getFirst().detail());
        assertEquals("OK — •••", vm.connection().testMessageProperty().get());
        assertEquals("20", vm.form().thresholdProperty().get(), "the alert level being edited stays readable");
        vm.connection().test();
        assertEquals("OK — •••", vm.connection().testMessageProperty().get(), "a new test while hidden shows no money either");

        vm.general().hideAmountsProperty().set(false);
        assertEquals("OK — ¥110.00", vm.connection().testMessageProperty().get());
    }

    @Test
    void aFreshNewAccountFormShowsNoErrorUntilTheLabelIsTouched() {
        open();
        assertEquals(Mode.NEW, vm.form().modeProperty().get());
        assertFalse(vm.form().labelErrorProperty().get().isEmpty(), "an empty label still cannot be saved");
        assertEquals("", vm.form().labelErrorShownProperty().get(), "but an untouched form is not shown in red");
        vm.form().labelProperty().set("x");
        vm.form().labelProperty().set("");
        assertEquals("give the account a label, e.g. “DeepSeek (work)”", vm.form().labelErrorShownProperty().get());
        vm.form().add();
        assertEquals("", vm.form().labelErrorShownProperty().get(), "a new form starts clean again");
    }

    @Test
    void advancedIsFoldedForEachAccountUnlessItHasABaseUrl() {
        open();
        typeDeepSeek("With proxy", "");
        assertTrue(vm.form().advancedOpenProperty().get(), "a typed base URL is shown");
        vm.save();
        vm.form().add();
        assertFalse(vm.form().advancedOpenProperty().get(), "a new account starts folded");
        vm.form().chooseProvider(choice("openrouter"));
        vm.form().advancedOpenProperty().set(true);
        vm.save();
        vm.form().edit("deepseek-with-proxy");
        assertTrue(vm.form().advancedOpenProperty().get(), "its base URL is not hidden");
        vm.form().edit("openrouter");
        assertFalse(vm.form().advancedOpenProperty().get(), "not left open from the account before");
    }

    /** A saved DeepSeek account at the fake server whose key is only in DEEPSEEK_API_KEY. */
    private void openWithEnvKey(dev.tally.secret.SecretStore store, String envKey) {
        fx = new SettingsFixture(home);
        fx.env = java.util.Map.of("DEEPSEEK_API_KEY", envKey);
        fx.accounts.save(List.of(new Account("deepseek", ProviderId.of("deepseek"), "DeepSeek", null, server.baseUrl(),
                null, null, 5)));
        vm = fx.viewModel(store, Runnable::run, Runnable::run);
        vm.setOnSaved(saves::add);
        vm.load();
    }

    @Test
    void testUsesTheEnvironmentKeyLikeTheWidgetWhenTheKeychainIsOff() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        openWithEnvKey(new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off"), "sk-env-key-0001");
        KeyFieldViewModel key = vm.form().keyFields().getFirst();
        assertEquals("Using DEEPSEEK_API_KEY from the environment (sk-…0001)", key.statusProperty().get());
        assertFalse(key.statusProblemProperty().get(), "a key is there: nothing to fix");
        vm.connection().test();
        assertEquals(TestState.OK, vm.connection().testStateProperty().get(), vm.connection().testMessageProperty().get());
        assertEquals("Bearer sk-env-key-0001", server.lastRequest().header("Authorization"));
    }

    @Test
    void testPrefersATypedKeyThenTheKeychainThenTheEnvironment() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        openWithEnvKey(keychain, "sk-env-key-0001");
        assertEquals("Using DEEPSEEK_API_KEY from the environment (sk-…0001); type a key to keep one in Test Keychain"
                + " instead", vm.form().keyFields().getFirst().statusProperty().get());
        vm.connection().test();
        assertEquals("Bearer sk-env-key-0001", server.lastRequest().header("Authorization"));

        keychain.write("deepseek", Secret.of(KEY));
        vm.form().edit("deepseek");
        assertTrue(vm.form().keyFields().getFirst().statusProperty().get().startsWith("Saved in Test Keychain"));
        vm.connection().test();
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"), "the keychain wins, as in the widget");

        vm.form().keyFields().getFirst().textProperty().set("sk-typed-key-0002");
        vm.connection().test();
        assertEquals("Bearer sk-typed-key-0002", server.lastRequest().header("Authorization"));
    }

    @Test
    void aNewAccountCanBeTestedWithItsEnvironmentKeyAndSaysWhenThereIsNone() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        fx = new SettingsFixture(home);
        fx.env = java.util.Map.of("DEEPSEEK_API_KEY", "sk-env-key-0001");
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load();
        typeDeepSeek("DeepSeek", "");
        assertTrue(vm.form().keyFields().getFirst().statusProperty().get().startsWith(
                "Leave empty to use DEEPSEEK_API_KEY from the environment"), vm.form().keyFields().getFirst().statusProperty().get());
        assertTrue(vm.connection().canTestProperty().get(), "the widget would use DEEPSEEK_API_KEY, so Test can");
        vm.connection().test();
        assertEquals("Bearer sk-env-key-0001", server.lastRequest().header("Authorization"));

        openWithEnvKey(new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off"), " ");
        vm.connection().test();
        assertEquals("Type a key to test it (the keychain is unavailable: turned off with TALLY_KEYCHAIN=off;"
                + " DEEPSEEK_API_KEY is not set either)", vm.connection().testMessageProperty().get());
    }

    @Test
    void xaiWithoutATeamIdIsToldWhereTheFieldIsNotAFlag() {
        open();
        vm.form().chooseProvider(choice("xai"));
        vm.form().baseUrlProperty().set(server.baseUrl().toString());
        vm.form().keyFields().getFirst().textProperty().set(KEY);
        vm.connection().test();
        String m = vm.connection().testMessageProperty().get();
        assertTrue(m.contains("enter the Team id above or set XAI_TEAM_ID"), m);
        assertFalse(m.contains("--team-id"), m);
    }

    @Test
    void aProviderFieldIsShownForItsProviderCheckedSavedWithTheAccountAndUsedByTest() {
        server.fixture("/v1/billing/teams/team-7/prepaid/balance", 200, "xai/balance.json");
        open();
        ProviderFieldViewModel team = vm.form().field("team_id");
        assertFalse(team.neededProperty().get(), "no provider chosen yet");
        vm.form().chooseProvider(choice("xai"));
        assertTrue(team.neededProperty().get());
        assertEquals("Team id", team.label());
        assertEquals("The team id from the console; leave empty to use XAI_TEAM_ID", team.hintProperty().get());
        vm.form().baseUrlProperty().set(server.baseUrl().toString());
        vm.form().keyFields().getFirst().textProperty().set(KEY);
        team.textProperty().set("team\n7");
        assertEquals("a team id must be one line without control characters", team.errorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        team.textProperty().set(" team-7 ");
        assertTrue(vm.canSaveProperty().get());
        vm.connection().test();
        assertEquals("OK — $10.00", vm.connection().testMessageProperty().get(), "Test asks for the typed team");
        vm.save();
        assertEquals(java.util.Map.of("team_id", "team-7"), fx.accounts.load().accounts().getFirst().fields());

        vm.form().add();
        assertEquals("", team.textProperty().get(), "a new account starts without one");
        vm.form().chooseProvider(choice("deepseek"));
        team.textProperty().set("left over");
        assertEquals("", team.errorProperty().get());
        assertFalse(team.neededProperty().get(), "DeepSeek has no team id");
        vm.form().labelProperty().set("DeepSeek");
        vm.save();
        assertEquals(java.util.Map.of(), fx.accounts.load().accounts().get(1).fields(), "a field the provider lacks is not saved");

        vm.form().edit("xai");
        assertEquals("team-7", team.textProperty().get());
        assertFalse(vm.form().dirtyProperty().get());
    }

    @Test
    void theRemoveConfirmationSaysWhatHappensToTheKey() throws Exception {
        openWithEnvKey(new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off"), "sk-env-key-0001");
        assertEquals("Its key comes from DEEPSEEK_API_KEY in your environment, which stays as it is. Its history stays until"
                + " it ages out.", vm.form().keys().removeDetail(), "no keychain to remove anything from");

        openWithEnvKey(keychain, "");
        assertEquals("Its history stays until it ages out.", vm.form().keys().removeDetail(), "no key anywhere: nothing to say about it");

        keychain.write("deepseek", Secret.of(KEY));
        vm.form().edit("deepseek");
        assertEquals("Its key is removed from Test Keychain too. Its history stays until it ages out.", vm.form().keys().removeDetail());
    }

    @Test
    void editingAnAccountShowsWhereItsKeyIsAndTestsWithTheStoredKey() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        open();
        typeDeepSeek("DeepSeek", KEY);
        vm.save();
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.setOnSaved(saves::add);
        vm.load();

        assertEquals(Mode.EXISTING, vm.form().modeProperty().get());
        assertEquals("DeepSeek", vm.form().labelProperty().get());
        assertEquals(server.baseUrl().toString(), vm.form().baseUrlProperty().get());
        assertEquals("Saved in Test Keychain (sk-…a2c4); type a new key to replace it",
                vm.form().keyFields().getFirst().statusProperty().get());
        assertFalse(vm.canSaveProperty().get());

        assertTrue(vm.connection().canTestProperty().get(), "a saved account can be tested with its stored key");
        vm.connection().test();
        assertEquals("OK — ¥110.00", vm.connection().testMessageProperty().get(), "money written like the cards");
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"));

        vm.form().intervalProperty().set("30");
        vm.save();
        assertEquals(30, fx.accounts.load().accounts().getFirst().intervalMinutes());
        assertTrue(saves.getLast().keysChanged().isEmpty(), "the key did not change");
        assertEquals(Optional.of(Secret.of(KEY)), keychain.read("deepseek"));
    }

    @Test
    void removingAnAccountWhoseKeyComesFromTheEnvironmentSaysNothingAboutTheKeychain() {
        openWithEnvKey(new UnavailableSecretStore("turned off with TALLY_KEYCHAIN=off"), "sk-env-key-0001");
        assertEquals("Its key comes from DEEPSEEK_API_KEY in your environment, which stays as it is."
                + " Its history stays until it ages out.", vm.form().keys().removeDetail(), "the confirmation says so");
        vm.list().remove("deepseek");
        assertTrue(fx.accounts.load().accounts().isEmpty());
        assertEquals("Removed DeepSeek.", vm.statusProperty().get(), "no line about a keychain it never used");
        assertEquals(StatusKind.SUCCESS, vm.statusKindProperty().get());
    }

    @Test
    void removeDeletesTheAccountAndItsKeys() throws Exception {
        open();
        typeDeepSeek("DeepSeek", KEY);
        vm.save();
        vm.list().remove("deepseek");
        assertTrue(fx.accounts.load().accounts().isEmpty());
        assertTrue(keychain.entries.isEmpty());
        assertTrue(vm.list().accounts().isEmpty());
        assertEquals(Mode.NEW, vm.form().modeProperty().get());
        assertEquals("Removed DeepSeek.", vm.statusProperty().get());
        assertEquals(java.util.Set.of("deepseek"), saves.getLast().removed());
    }

    @Test
    void generalSettingsAreSavedAndLaunchAtLoginWritesTheAutostartEntry() throws Exception {
        open();
        assertTrue(vm.general().launchAtLoginAvailableProperty().get());
        assertTrue(vm.general().launchAtLoginHintProperty().get().contains("tally.desktop"));
        assertFalse(vm.canSaveProperty().get());
        vm.general().launchAtLoginProperty().set(true);
        vm.general().notificationsProperty().set(false);
        vm.general().themeProperty().set(Preferences.Theme.DARK);
        vm.general().hideAmountsProperty().set(true);
        assertTrue(vm.canSaveProperty().get(), "an untouched new-account form does not block saving the rest");
        vm.save();

        assertTrue(fx.autostart.isEnabled());
        assertTrue(Files.readString(fx.autostart.file()).contains("Exec=\"/opt/Tally Apps/bin/tally\" --from-login\n"));
        Preferences p = fx.preferences.load().preferences();
        assertEquals(new Preferences(Preferences.Theme.DARK, false, true, true, null), p);
        assertEquals(p, saves.getLast().preferences());
        assertNull(saves.getLast().accounts(), "no account was written");
        assertEquals("Saved the general settings.", vm.statusProperty().get());

        vm.general().launchAtLoginProperty().set(false);
        vm.save();
        assertFalse(Files.exists(fx.autostart.file()));
        assertFalse(fx.preferences.load().preferences().launchAtLogin());
    }

    @Test
    void launchAtLoginIsUnavailableWithAReasonWhereThereIsNoMechanism() {
        fx = new SettingsFixture(home);
        vm = new SettingsViewModel(fx.services(keychain, new NoAutostart("starting at login is not available on Plan 9"),
                Runnable::run, Runnable::run));
        vm.load();
        assertFalse(vm.general().launchAtLoginAvailableProperty().get());
        assertEquals("starting at login is not available on Plan 9", vm.general().launchAtLoginHintProperty().get());
    }

    @Test
    void savingTheGeneralSettingsKeepsTheRememberedWindowPlace() {
        fx = new SettingsFixture(home);
        Preferences.WindowBounds where = new Preferences.WindowBounds(10.0, 20.0, 380.0, 600.0);
        fx.preferences.save(Preferences.defaults().withWindow(where));
        vm = fx.viewModel(keychain, Runnable::run, Runnable::run);
        vm.load();
        vm.general().hideAmountsProperty().set(true);
        vm.save();
        assertEquals(where, fx.preferences.load().preferences().window());
    }

    @Test
    void withTheRealKeychainTheKeyIsStoredUnderTheAccountId() {
        KeyringSecretStore real = KeyringSecretStore.open(KeyringSecretStore.DEFAULT_TIMEOUT);
        try {
            String why = "no usable OS keychain here (" + real.status()
                    + "); run inside .ci/with-keyring to test against a real Secret Service";
            if ("1".equals(System.getenv("TALLY_KEYRING_EXPECTED"))) {
                assertTrue(real.status().isAvailable(), why);
            }
            assumeTrue(real.status().isAvailable(), why);
            open(real, Runnable::run);
            String label = "Settings test " + Long.toHexString(System.nanoTime());
            typeDeepSeek(label, KEY);
            vm.save();
            String id = fx.accounts.load().accounts().getFirst().id();
            try {
                assertEquals(Optional.of(Secret.of(KEY)), real.read(id));
                assertTrue(vm.form().keyFields().getFirst().statusProperty().get().startsWith("Saved in "));
            } finally {
                real.delete(id);
            }
        } finally {
            real.close();
        }
    }

    private static void runAll(Queue<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
