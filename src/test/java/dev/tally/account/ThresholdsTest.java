package dev.tally.account;

import dev.tally.core.Money;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThresholdsTest {
    private final ProviderCatalog catalog = ProviderCatalog.standard();

    private ProviderInfo info(String id) {
        return catalog.find(id).orElseThrow();
    }

    @Test
    void theRegionDecidesTheCurrencyWhereTheProviderHasOne() {
        assertEquals(Optional.of("CNY"), Thresholds.impliedCurrency(info("moonshot"), "china"));
        assertEquals(Optional.of("USD"), Thresholds.impliedCurrency(info("moonshot"), null));
        assertEquals(Optional.of("USD"), Thresholds.impliedCurrency(info("openrouter"), null));
        assertEquals(Optional.empty(), Thresholds.impliedCurrency(info("deepseek"), null));
        assertEquals(Money.of("20", "CNY"), Thresholds.parse("¥20", info("deepseek"), null));
        assertEquals(Money.of("5", "USD"), Thresholds.parse("5", info("openrouter"), null));
    }

    @Test
    void aCurrencyTheAccountCanNeverReportIsRefusedWithTheOneItDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.parse("5 USD", info("moonshot"), "china"));
        assertEquals("Moonshot (china) reports balances in CNY, so an alert in USD would never fire; write e.g. '5 CNY'",
                e.getMessage());
        assertEquals(Money.of("5", "CNY"), Thresholds.parse("5 CNY", info("moonshot"), "china"));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("¥5", info("openrouter"), null));
        // DeepSeek reports CNY and USD rows: either may be chosen
        assertEquals(Money.of("5", "USD"), Thresholds.parse("$5", info("deepseek"), null));
    }

    @Test
    void aBareAmountIsParsedExactly() {
        assertEquals(new BigDecimal("5.50"), Thresholds.parseAmount(" 5.50 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parseAmount("5 CNY"));
        assertEquals("'5 CNY' is not an amount; write e.g. 5 or 5.50", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parseAmount("-1"));
    }
}
