package dev.tally.ui.settings;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.secret.UnavailableSecretStore;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings window's view models in Simplified Chinese, without a toolkit: what a Chinese user reads while adding,
 * testing, saving and removing an account, and the language chooser itself.
 */
class ChineseSettingsTest {
    private static final String KEY = ProviderHarness.CANARY;

    @TempDir
    Path home;

    private final Language before = Messages.use(Language.SIMPLIFIED_CHINESE);
    private final FakeProviderServer server = FakeProviderServer.start().fixture("/user/balance", 200, "deepseek/balance.json");
    private final MemorySecretStore keychain = new MemorySecretStore();
    private SettingsFixture fx;
    private SettingsViewModel vm;

    @AfterEach
    void stop() {
        Messages.use(before);
        server.close();
    }

    private SettingsViewModel open(dev.tally.secret.SecretStore store) {
        fx = new SettingsFixture(home);
        vm = fx.viewModel(store, Runnable::run, Runnable::run);
        vm.load();
        return vm;
    }

    private AccountFormViewModel.ProviderChoice choice(String id) {
        return vm.form().providerChoices().stream().filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void addingTestingAndSavingAnAccountSpeaksChinese() {
        open(keychain);
        assertEquals("密钥保存在 Test Keychain 中，从不写入文件。", vm.keychain().messageProperty().get());
        vm.form().labelProperty().set("x");
        assertEquals("请选择这个账户的服务商", vm.form().providerErrorProperty().get());
        assertTrue(vm.form().chooseProvider(choice("deepseek")));
        vm.form().labelProperty().set("");
        vm.form().labelProperty().set(" ");
        assertEquals("请给账户起个名称，例如“DeepSeek（工作）”", vm.form().labelErrorShownProperty().get());
        vm.form().labelProperty().set("DeepSeek（工作）");
        vm.form().intervalProperty().set("0");
        assertTrue(vm.form().intervalErrorProperty().get().startsWith("查询间隔必须是"), vm.form().intervalErrorProperty().get());
        vm.form().intervalProperty().set("5");
        assertEquals("保存时存入钥匙串；钥匙串中没有密钥时使用 DEEPSEEK_API_KEY。", vm.form().keySource().noteProperty().get());

        vm.form().baseUrlProperty().set(server.baseUrl().toString());
        vm.form().keyFields().getFirst().textProperty().set(KEY);
        assertEquals("API 密钥", vm.form().keyFields().getFirst().title());
        assertEquals("DeepSeek API 密钥（platform.deepseek.com → API keys）", vm.form().keyFields().getFirst().description(),
                "where to make the key, from the catalog's translation");
        vm.connection().test();
        assertEquals("成功 — ¥110.00", vm.connection().testMessageProperty().get(),
                "the amount keeps the provider's currency and the Chinese grouping");

        vm.save();
        assertEquals("已保存“DeepSeek（工作）”及其密钥。", vm.statusProperty().get());
        assertEquals("已保存到 Test Keychain", vm.form().keyFields().getFirst().statusProperty().get());
        assertEquals("DeepSeek · 每 5 分钟", vm.list().accounts().getFirst().detail());
        assertFalse(vm.statusProperty().get().contains(KEY));

        String id = vm.form().editingIdProperty().get();
        vm.load(id);
        assertEquals("它的密钥也会从 Test Keychain 中删除。它的历史记录会保留，直到过期。", vm.form().keys().removeDetail());
        vm.list().remove(id);
        assertEquals("已删除“DeepSeek（工作）”。", vm.statusProperty().get());
    }

    @Test
    void withoutAKeychainTheFormSaysWhatToDoInChinese() {
        open(new UnavailableSecretStore("no Secret Service on the session bus"));
        assertTrue(vm.keychain().messageProperty().get().startsWith("钥匙串不可用：no Secret Service on the session bus。"),
                vm.keychain().messageProperty().get());
        vm.form().chooseProvider(choice("deepseek"));
        vm.form().keyFields().getFirst().textProperty().set(KEY);
        vm.save();
        assertEquals("未保存——请看密钥栏", vm.statusProperty().get());
        assertTrue(vm.form().keyFields().getFirst().statusProperty().get().startsWith("未保存：钥匙串不可用"),
                vm.form().keyFields().getFirst().statusProperty().get());
    }

    @Test
    void theLanguageChoiceIsSavedAndSaysItAppliesAfterARestart() throws Exception {
        Messages.use(Language.ENGLISH);
        open(keychain);
        GeneralViewModel g = vm.general();
        assertEquals(Language.SYSTEM, g.languageProperty().get());
        assertEquals("简体中文", g.languageName(Language.SIMPLIFIED_CHINESE), "each language named as it names itself");
        assertEquals("English", g.languageName(Language.ENGLISH));
        assertTrue(g.languageName(Language.SYSTEM).startsWith("System ("), g.languageName(Language.SYSTEM));

        g.languageProperty().set(Language.SIMPLIFIED_CHINESE);
        assertTrue(g.dirtyProperty().get(), "a new language is a change to save");
        assertEquals("The new language applies after Tally restarts.", g.languageNoteProperty().get());
        vm.save();
        assertTrue(Files.readString(fx.preferences.file()).contains("\"zh-CN\""), "kept in settings.json");
        assertEquals(Language.SIMPLIFIED_CHINESE, fx.preferences.load().preferences().language());
        assertFalse(g.dirtyProperty().get());

        g.languageProperty().set(Language.ENGLISH);
        assertEquals("System follows your desktop's language. The CLI's TALLY_LANG overrides this for a command.",
                g.languageNoteProperty().get(), "the language in use needs no restart");
    }

    @Test
    void tallyLangInTheEnvironmentIsNamedAsTheDecider() {
        Messages.use(Language.ENGLISH);
        fx = new SettingsFixture(home);
        GeneralViewModel g = new GeneralViewModel(fx.services(keychain, fx.autostart, Runnable::run, Runnable::run),
                Map.of("TALLY_LANG", "zh-CN", "LANG", "en_US.UTF-8"));
        g.languageProperty().set(Language.ENGLISH);
        assertEquals("TALLY_LANG=zh-CN is set where Tally runs and decides the language instead.", g.languageNoteProperty().get());
        assertEquals("System (English)", g.languageName(Language.SYSTEM), "System is the desktop's language, not TALLY_LANG's");
    }

    @Test
    void aProvidersOwnFieldIsNamedAndExplainedInChinese() {
        open(keychain);
        assertTrue(vm.form().chooseProvider(choice("xai")));
        ProviderFieldViewModel team = vm.form().fields().stream().filter(f -> f.id().equals("team_id")).findFirst().orElseThrow();
        assertEquals("团队 ID", team.label());
        assertTrue(team.hintProperty().get().startsWith("控制台中的团队 ID"), team.hintProperty().get());
    }

    @Test
    void anUnsupportedProviderSaysWhyInChinese() {
        open(keychain);
        AccountFormViewModel.ProviderChoice groq = vm.form().providerChoices().stream().filter(c -> !c.enabled())
                .findFirst().orElseThrow();
        assertFalse(vm.form().chooseProvider(groq));
        assertTrue(vm.form().providerMessageProperty().get().startsWith("无法添加 " + groq.name() + "："),
                vm.form().providerMessageProperty().get());
    }
}
