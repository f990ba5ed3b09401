package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line in Simplified Chinese ({@code TALLY_LANG=zh-CN}, the "language" setting or the POSIX locale):
 * balance lines, a provider Tally cannot read, usage errors and {@code --help} in Chinese; JSON stays English.
 */
class ChineseCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final Language before = Messages.use(Language.SYSTEM);

    @AfterEach
    void stop() {
        server.close();
        Messages.use(before);
    }

    private CliRunner chinese() {
        return new CliRunner(home).env("TALLY_LANG", "zh-CN").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
    }

    private CliRunner.Result deepSeek(CliRunner cli, String... more) {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        String[] args = new String[3 + more.length];
        args[0] = "balance";
        args[1] = "deepseek";
        args[2] = "--base-url=" + server.baseUrl();
        System.arraycopy(more, 0, args, 3, more.length);
        return cli.run(args);
    }

    @Test
    void aBalanceLineInChinese() {
        CliRunner.Result r = deepSeek(chinese());
        assertEquals(0, r.code(), r.err());
        assertEquals("DeepSeek：110.00 CNY（充值 100.00，赠送 10.00）\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonStaysEnglishWhateverTheLanguage() throws Exception {
        server.fixture("/user/balance", 401, "deepseek/error-401.json");
        CliRunner.Result zh = chinese().run("balance", "deepseek", "--json", "--base-url=" + server.baseUrl());
        CliRunner.Result en = new CliRunner(home).env("TALLY_LANG", "en").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY)
                .run("balance", "deepseek", "--json", "--base-url=" + server.baseUrl());
        assertEquals(1, zh.code(), zh.err());
        JsonNode doc = JSON.readTree(zh.out());
        assertEquals(JSON.readTree(en.out()), doc, "the same document in both languages");
        String message = doc.get("accounts").get(0).get("message").asText();
        assertTrue(message.startsWith("the key was rejected by 127.0.0.1"), message);
        assertFalse(message.matches(".*\\p{IsHan}.*"), message);
    }

    @Test
    void whatWentWrongIsSaidInChineseAndRecordedInEnglish() throws Exception {
        CliRunner cli = chinese();
        assertEquals(0, deepSeek(cli).code(), "a first good answer starts the check's history");
        server.fixture("/user/balance", 401, "deepseek/error-401.json");
        CliRunner.Result rejected = cli.run("balance", "deepseek", "--base-url=" + server.baseUrl());
        assertEquals(1, rejected.code(), rejected.err());
        assertTrue(rejected.out().startsWith("DeepSeek：密钥被拒绝：127.0.0.1 拒绝了该密钥（HTTP 401，返回信息："),
                rejected.out());
        assertFalse(rejected.out().contains("the key was rejected"), rejected.out());

        server.json("/user/balance", 200, "{\"is_available\": true, \"balance_infos\": [");
        CliRunner.Result cut = cli.run("balance", "deepseek", "--base-url=" + server.baseUrl());
        assertTrue(cut.out().contains("响应无法识别：127.0.0.1（HTTP 200）的响应不是有效的 JSON"), cut.out());

        server.json("/user/balance", 200, "{\"is_available\": true}");
        CliRunner.Result missing = cli.run("balance", "deepseek", "--base-url=" + server.baseUrl());
        assertTrue(missing.out().contains("缺少字段 'balance_infos'"), missing.out());

        // the history keeps English records, which tally status then says in the language of its run
        JsonNode status = JSON.readTree(cli.run("status", "--json").out());
        String recorded = status.toString();
        assertTrue(recorded.contains("field 'balance_infos' is missing"), recorded);
        assertFalse(recorded.matches("(?s).*\\p{IsHan}.*"), recorded);
    }

    @Test
    void accountsAndKeysInChinese() throws Exception {
        CliRunner cli = chinese();
        CliRunner.Result add = cli.run("accounts", "add", "--provider", "deepseek", "--label", "work", "--threshold", "5 CNY");
        assertEquals(0, add.code(), add.err());
        CliRunner.Result list = cli.run("accounts", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("密钥：环境变量"), list.out());
        assertTrue(list.out().contains("低于 5 CNY 时提醒") || list.out().contains("低于 ¥5"), list.out());
        assertTrue(list.out().contains("每 "), list.out());
        assertEquals("env", JSON.readTree(cli.run("accounts", "list", "--json").out()).get("accounts").get(0)
                .get("key").asText(), "JSON keeps the identifier");
        CliRunner.Result keys = cli.run("keys", "status");
        assertEquals(0, keys.code(), keys.err());
        assertTrue(keys.out().startsWith("钥匙串："), keys.out());
        assertTrue(keys.out().contains("api 密钥：环境变量"), keys.out());
        String reason = JSON.readTree(cli.run("keys", "status", "--json").out()).get("keychain").get("reason").asText();
        assertFalse(reason.matches("(?s).*\\p{IsHan}.*"), "JSON stays English: " + reason);
        CliRunner.Result which = cli.run("accounts", "edit", "deepseek-work", "--threshold", "6");
        assertEquals("tally: --threshold: DeepSeek 的余额可能以 CNY 和 USD 计；请注明是哪一种，例如 '6 CNY'\n", which.err());
        CliRunner.Result edit = cli.run("accounts", "edit", "deepseek-work", "--threshold", "6 CNY");
        assertEquals("已更新 deepseek-work。\n", edit.err());
    }

    @Test
    void aDamagedAccountsFileIsExplainedInChinese() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("accounts.json"), "{\"version\": 1, \"accounts\": [");
        CliRunner.Result r = chinese().run("accounts", "list");
        assertTrue(r.err().contains("（它不是有效的 JSON（被截断或已损坏））；已将它另存为 accounts.json.corrupt-"), r.err());
        assertTrue(r.err().contains("Tally 将在没有账户的情况下继续运行"), r.err());
        CliRunner.Result typo = chinese().run("accounts", "add", "--provider", "deepseek", "--threshold", "lots");
        assertEquals("tally: --threshold: 提醒阈值 'lots' 不是金额；请写成 5、5.00 CNY 或 $5 这样的形式\n", typo.err());
    }

    @Test
    void aClosedPortIsANetworkErrorInChinese() {
        java.net.URI closed = server.baseUrl();
        server.close();
        CliRunner.Result r = chinese().run("balance", "deepseek", "--base-url=" + closed);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("DeepSeek：网络错误：无法连接到 127.0.0.1（连接被拒绝或网络不可达）"), r.out());
    }

    @Test
    void aProviderTallyCannotReadSaysWhyInChinese() throws Exception {
        CliRunner.Result r = chinese().run("balance", "groq");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Groq：不支持查询余额：Groq 没有查询余额或消费的 API"), r.out());
        assertTrue(r.out().contains("控制台"), r.out());
        CliRunner.Result add = chinese().run("accounts", "add", "--provider", "groq");
        assertEquals(2, add.code());
        assertTrue(add.err().startsWith("tally: Groq：不支持查询余额：Groq 没有查询余额或消费的 API"), add.err());
        JsonNode a = JSON.readTree(chinese().run("balance", "groq", "--json").out()).get("accounts").get(0);
        assertTrue(a.get("message").asText().startsWith("balance check not supported — Groq has no API"),
                a.get("message").asText());
    }

    @Test
    void usageErrorsInChinese() {
        CliRunner.Result unknown = chinese().run("balance", "nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("tally: 未知的账户或服务商 'nosuch'（账户：尚未配置；服务商：deepseek"),
                unknown.err());
        assertTrue(unknown.err().endsWith("perplexity）\n"), unknown.err());

        CliRunner.Result typo = chinese().run("balanse");
        assertEquals(2, typo.code());
        assertEquals("tally: 未知命令 'balanse'；你是不是想用 'balance'？（参见 'tally --help'）\n", typo.err());

        CliRunner.Result noValue = chinese().run("balance", "moonshot", "--region");
        assertEquals(2, noValue.code());
        assertEquals("tally: --region REGION 需要一个值（参见 'tally balance --help'）\n", noValue.err());

        CliRunner.Result badRegion = chinese().run("balance", "moonshot", "--region", "mars");
        assertEquals(2, badRegion.code());
        assertTrue(badRegion.err().startsWith("tally: --region mars 不是 Moonshot"), badRegion.err());
    }

    @Test
    void helpInChinese() {
        CliRunner.Result root = chinese().run("--help");
        assertEquals(0, root.code(), root.err());
        assertTrue(root.out().startsWith("用法： tally"), root.out());
        assertTrue(root.out().contains("查看各家 LLM API 账户还剩多少余额"), root.out());
        assertTrue(root.out().contains("命令："), root.out());
        assertTrue(root.out().contains("立即查询余额"), "each command's description: " + root.out());
        assertTrue(root.out().contains("显示此帮助并退出"), root.out());

        CliRunner.Result balance = chinese().run("balance", "--help");
        assertEquals(0, balance.code(), balance.err());
        assertTrue(balance.out().contains("退出码：0 全部查询成功"), balance.out());
        assertTrue(balance.out().contains("--json"), "options keep their names: " + balance.out());
        assertTrue(balance.out().contains("输出 JSON"), balance.out());
        assertTrue(balance.out().contains("示例：\n  tally balance\n"), "examples keep their indent: " + balance.out());

        CliRunner.Result english = new CliRunner(home).run("--help");
        assertTrue(english.out().startsWith("Usage: tally"), "without TALLY_LANG (and an English JVM) it is English");
    }

    @Test
    void historyRowsInChineseStayAligned() {
        CliRunner cli = chinese();
        assertEquals(0, deepSeek(cli).code());
        CliRunner.Result r = cli.run("history", "deepseek");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("，最近 7 天：\n"), r.out());
        assertTrue(r.out().contains("\n  当前余额      110.00 CNY（"), "8 columns of Chinese and 6 spaces: " + r.out());
        assertTrue(r.out().contains("\n  可用天数      "), r.out());
    }

    @Test
    void theSettingDecidesWithoutTallyLangAndTallyLangOverridesIt() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.json"), "{\n  \"version\" : 1,\n  \"language\" : \"zh-CN\"\n}\n");
        CliRunner.Result bySetting = new CliRunner(home).run("balance", "nosuch");
        assertTrue(bySetting.err().contains("未知的账户或服务商"), bySetting.err());
        CliRunner.Result byEnv = new CliRunner(home).env("TALLY_LANG", "en").run("balance", "nosuch");
        assertTrue(byEnv.err().startsWith("tally: unknown account or provider 'nosuch'"), byEnv.err());
    }

    @Test
    void thePosixLocaleDecidesWhenNothingElseDoes() {
        CliRunner.Result r = new CliRunner(home).env("LANG", "zh_CN.UTF-8").run("balance", "nosuch");
        assertTrue(r.err().contains("未知的账户或服务商"), r.err());
        CliRunner.Result c = new CliRunner(home).env("LC_ALL", "C").env("LANG", "zh_CN.UTF-8").run("balance", "nosuch");
        assertTrue(c.err().startsWith("tally: unknown account"), c.err());
    }

    @Test
    void anUnknownTallyLangIsSaidOnceAndPassedOver() {
        CliRunner.Result r = new CliRunner(home).env("TALLY_LANG", "fr").env("LANG", "en_US.UTF-8").run("balance", "nosuch");
        assertTrue(r.err().startsWith("tally: TALLY_LANG=fr is not a language Tally speaks (en, zh-CN); it is ignored\n"),
                r.err());
        assertEquals(2, r.code());
    }

    @Test
    void aRunLeavesTheProcessLanguageAsItWas() {
        Language was = Messages.language();
        chinese().run("balance", "nosuch");
        assertEquals(was, Messages.language());
    }
}
