package dev.tally.status;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;
import dev.tally.provider.ProviderCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status wording in Simplified Chinese: sentences from the bundle, ages and dates in Chinese, money grouped as
 * the language groups it with the provider's own currency, and English wherever a piece of work asks for it.
 */
class ChineseWordingTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:05:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private Language before;

    @BeforeEach
    void chinese() {
        before = Messages.use(Language.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restore() {
        Messages.use(before);
    }

    @Test
    void phrasesComeFromTheChineseBundleWithTheirArgumentsInPlace() {
        assertEquals("DeepSeek：110.00 CNY", Phrase.LINE.say("DeepSeek", "110.00 CNY"));
        assertEquals("5 个账户中有 2 个需要处理", Phrase.WINDOW_ATTENTION.say(2, 5), "a translation may reorder the arguments");
        assertEquals("密钥被拒绝；请运行 'tally keys set deepseek' 或设置 DEEPSEEK_API_KEY",
                Phrase.CLI_SET_KEY.say("密钥被拒绝", "deepseek", "DEEPSEEK_API_KEY"), "quotes stay as they are");
        assertEquals("Key rejected", Phrase.TITLE_AUTH_FAILED.english(), "the English stays at hand");
        assertEquals("请求被限流", Problem.RATE_LIMITED.label());
        assertEquals("每月", Phrase.resetPeriod("monthly"));
        assertEquals("quarterly", Phrase.resetPeriod("quarterly"), "a word Tally does not know is kept");
    }

    @Test
    void agesAndDatesReadAsChinese() {
        assertEquals("刚刚", Ages.ago(NOW.minusSeconds(20), NOW));
        assertEquals("3 分钟前", Ages.ago(NOW.minus(Duration.ofMinutes(3)), NOW));
        assertEquals("2 小时前", Ages.ago(NOW.minus(Duration.ofHours(2)), NOW));
        assertEquals("1 天前", Ages.ago(NOW.minus(Duration.ofHours(30)), NOW));
        assertEquals("45 秒", Ages.wait(Duration.ofSeconds(45)));
        assertEquals("12月2日 14:05", Ages.dayTime(NOW, SHANGHAI));
        assertEquals("周三 14:05", Ages.weekdayTime(NOW, SHANGHAI));
        assertEquals("2026年12月2日", Ages.date(LocalDate.of(2026, 12, 2)));
        Messages.use(Language.ENGLISH);
        assertEquals("3 min ago", Ages.ago(NOW.minus(Duration.ofMinutes(3)), NOW));
        assertEquals("2 Dec 14:05", Ages.dayTime(NOW, SHANGHAI));
        assertEquals("Wed 14:05", Ages.weekdayTime(NOW, SHANGHAI));
    }

    @Test
    void moneyIsGroupedAsTheLanguageGroupsItAndKeepsTheProvidersCurrency() {
        assertEquals("¥1,234.50", MoneyFormat.shortText(Money.of("1234.5", "CNY")));
        assertEquals("$1,234,567.80 USD", MoneyFormat.full(Money.of("1234567.8", "USD")), "USD stays $, never converted");
        assertEquals("-$0.50", MoneyFormat.shortText(Money.of("-0.5", "USD")));
        assertEquals("1,234.50 CNY", MoneyText.commandLine(new BigDecimal("1234.50"), "CNY", true));
        assertEquals("1234.50 CNY", MoneyText.commandLine(new BigDecimal("1234.50"), "CNY", false), "--plain stays plain");
    }

    @Test
    void englishWhereAPieceOfWorkAsksForIt() {
        assertEquals("key rejected", Messages.inEnglish(Problem.AUTH_FAILED::label));
        assertEquals("密钥被拒绝", Problem.AUTH_FAILED.label(), "only for that piece of work");
    }

    @Test
    void aProviderTallyCannotReadSaysWhyInChinese() {
        var groq = ProviderCatalog.standard().find("groq").orElseThrow();
        assertEquals(true, Problem.unsupportedReason(groq).startsWith("Groq 没有查询余额或消费的 API"));
        Messages.use(Language.ENGLISH);
        assertEquals(groq.unsupportedReason(), Problem.unsupportedReason(groq), "English is the catalog's own sentence");
    }
}
