package dev.tally.desktop;

import dev.tally.alert.Alert;
import dev.tally.core.Money;
import dev.tally.notify.Notice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertNoticesTest {
    private final List<Notice> shown = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final AlertNotices notices = new AlertNotices(shown::add, opened::add);

    private static final Alert LOW = new Alert.LowBalance("deepseek-work", "DeepSeek (work)", Money.of("4.20", "CNY"),
            Money.of("5.00", "CNY"));
    private static final Alert REJECTED = new Alert.KeyRejected("moonshot", "Moonshot", "rejected");

    @Test
    void theTitleNamesTheAccountAndARejectedKeyIsUrgent() {
        Notice low = notices.notice(LOW, false);
        assertEquals("DeepSeek (work) is low", low.title());
        assertFalse(low.urgent());
        assertEquals("deepseek-work", low.key());
        Notice rejected = notices.notice(REJECTED, false);
        assertEquals("Moonshot: key rejected", rejected.title());
        assertTrue(rejected.urgent());
        rejected.onClick().run();
        assertEquals(List.of("moonshot"), opened, "a click opens the window at the card");
        assertFalse(notices.notice(LOW, true).body().contains("4.20"), "hidden amounts stay hidden");
    }

    @Test
    void inChineseTitleBodyAndSummaryAreChinese() {
        dev.tally.core.Language before = dev.tally.core.Messages.use(dev.tally.core.Language.SIMPLIFIED_CHINESE);
        try {
            Notice low = notices.notice(LOW, false);
            assertEquals("DeepSeek (work) 余额不足", low.title());
            assertEquals("DeepSeek (work)：余额 ¥4.20，低于提醒阈值 ¥5.00", low.body());
            assertEquals("DeepSeek (work)：余额低于提醒阈值", notices.notice(LOW, true).body(), "hidden amounts, in Chinese");
            Alert usedUp = new Alert.Exhausted("deepseek-work", "DeepSeek (work)", "CNY");
            assertEquals("DeepSeek (work) 余额已用完", notices.notice(usedUp, false).title());
            // the detail is the HTTP layer's, said in Chinese too
            Alert rejected = new Alert.KeyRejected("moonshot", "Moonshot", 
                    dev.tally.provider.FetchPhrase.HTTP_AUTH.say("api.moonshot.cn", "HTTP 401"));
            Notice n = notices.notice(rejected, false);
            assertEquals("Moonshot：密钥被拒绝", n.title());
            assertEquals("Moonshot：密钥被拒绝，api.moonshot.cn 拒绝了该密钥（HTTP 401）", n.body());
            notices.alert(LOW, false);
            notices.alert(rejected, false);
            notices.startupDone();
            assertEquals("2 个账户需要处理", shown.getLast().title());
            assertEquals(dev.tally.notify.NotifyPhrase.OPEN_TALLY.say(), "打开 Tally", "the click's label");
        } finally {
            dev.tally.core.Messages.use(before);
        }
    }

    @Test
    void theFirstChecksAlertsArriveAsOneSummaryAndLaterOnesAtOnce() {
        notices.alert(LOW, false);
        notices.alert(REJECTED, false);
        assertEquals(List.of(), shown, "held while the first checks run");
        notices.startupDone();
        assertEquals(1, shown.size());
        assertEquals("2 accounts need attention", shown.getFirst().title());
        assertTrue(shown.getFirst().urgent());
        assertTrue(shown.getFirst().body().contains("DeepSeek (work)") && shown.getFirst().body().contains("Moonshot"));

        notices.alert(LOW, false);
        assertEquals("DeepSeek (work) is low", shown.getLast().title(), "after start, each alert at once");
    }

    @Test
    void aSingleStartupAlertIsShownAsItself() {
        notices.alert(LOW, false);
        notices.startupDone();
        assertEquals(List.of("DeepSeek (work) is low"), shown.stream().map(Notice::title).toList());
    }

    @Test
    void anEstimateSaysSoInItsTitleAndIsNeverUrgent() {
        Notice low = notices.notice(new Alert.EstimateLow("openai", "OpenAI", Money.of("4.00", "USD"),
                Money.of("10.00", "USD")), false);
        assertEquals("OpenAI is low (estimate)", low.title());
        assertFalse(low.urgent(), "an unverified estimate is not urgent");
        assertTrue(low.body().contains("estimate"), low.body());
        Notice usedUp = notices.notice(new Alert.EstimateUsedUp("openai", "OpenAI"), false);
        assertEquals("OpenAI: estimate used up", usedUp.title());
        assertFalse(usedUp.urgent());
        assertFalse(notices.notice(new Alert.EstimateLow("openai", "OpenAI", Money.of("4.00", "USD"),
                Money.of("10.00", "USD")), true).body().contains("4.00"), "hidden amounts stay hidden");
    }
}
