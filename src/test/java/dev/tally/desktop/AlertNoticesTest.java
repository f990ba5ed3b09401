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
