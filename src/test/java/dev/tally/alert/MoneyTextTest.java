package dev.tally.alert;

import dev.tally.core.Remedy;
import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert texts write money plainly for the command line ({@code tally watch}) and the way the cards and the tray do
 * for desktop notifications, so a user sees one amount one way on each.
 */
class MoneyTextTest {

    @Test
    void alertMoneyReadsLikeTheCards() {
        assertEquals("¥4.20", MoneyText.format(Money.of("4.2", "CNY")));
        assertEquals("$5.00", MoneyText.format(Money.of("5", "USD")));
        assertEquals("CHF 12.50", MoneyText.format(Money.of("12.5", "CHF")), "code first, like the cards");
        assertEquals("JPY 1200", MoneyText.format(Money.of("1200", "JPY")), "yen is not shown as ¥, which means CNY here");
        assertEquals("-$0.50", MoneyText.format(Money.of("-0.5", "USD")));
        assertEquals("$49.58894", MoneyText.format(Money.of("49.58894", "USD")), "never rounded");
        for (Money m : List.of(Money.of("4.2", "CNY"), Money.of("12.5", "CHF"), Money.of("1200", "JPY"), Money.of("0.001", "USD"))) {
            assertEquals(MoneyFormat.plainText(m), MoneyText.format(m));
            assertEquals(MoneyFormat.shortText(m), MoneyText.display(m));
        }
    }

    @Test
    void theCommandLineKeepsPlainDecimalsAndTheDesktopGroupsThousands() {
        Alert a = new Alert.LowBalance("ds", "DeepSeek", Money.of("1234.5", "CNY"), Money.of("5000", "CNY"));
        assertEquals("DeepSeek: ¥1234.50 left — below your ¥5000.00 alert", a.text());
        assertEquals("DeepSeek: ¥1,234.50 left — below your ¥5,000.00 alert", a.displayText());
    }

    @Test
    void aRejectedKeysNotificationNamesSettingsNotAFlag() {
        Alert a = new Alert.KeyRejected("ms", "Moonshot", "the key was rejected by api.moonshot.cn (HTTP 401). Moonshot keys"
                + " are bound to a region; this account uses 'china'", false, new Remedy.CheckRegion());
        assertTrue(a.text().endsWith("check the region (--region)"), "the command line keeps its wording");
        assertTrue(a.displayText().endsWith("— check Settings → Region"), a.displayText());
    }

    @Test
    void theLowBalanceAlertKeepsTheSpecText() {
        Alert a = new Alert.LowBalance("ds", "DeepSeek (work)", Money.of("4.2", "CNY"), Money.of("5", "CNY"));
        assertEquals("DeepSeek (work): ¥4.20 left — below your ¥5.00 alert", a.text());
    }
}
