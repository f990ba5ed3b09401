package dev.tally.alert;

import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Alert texts write money the way the cards and the tray do, so a user sees one amount one way. */
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
            assertEquals(MoneyFormat.shortText(m), MoneyText.format(m));
        }
    }

    @Test
    void theLowBalanceAlertKeepsTheSpecText() {
        Alert a = new Alert.LowBalance("ds", "DeepSeek (work)", Money.of("4.2", "CNY"), Money.of("5", "CNY"));
        assertEquals("DeepSeek (work): ¥4.20 left — below your ¥5.00 alert", a.text());
    }
}
