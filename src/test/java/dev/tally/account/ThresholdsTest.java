package dev.tally.account;

import dev.tally.core.Money;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void everyProviderSaysWhichCurrenciesItsBalancesCanBeIn() {
        assertEquals(List.of("CNY", "USD"), info("deepseek").balanceCurrencies(null));
        assertEquals(List.of("CNY"), info("moonshot").balanceCurrencies("china"));
        assertEquals(List.of("USD"), info("moonshot").balanceCurrencies("global"));
        assertEquals(List.of("USD"), info("siliconflow").balanceCurrencies(null));
        assertEquals(List.of("CNY"), info("siliconflow").balanceCurrencies("china"));
        assertEquals(List.of("USD"), info("stepfun").balanceCurrencies("global"));
        for (String usd : List.of("openrouter", "novita", "xai")) {
            assertEquals(List.of("USD"), info(usd).balanceCurrencies(null), usd);
            assertTrue(info(usd).reportsBalance(), usd);
        }
        for (String spendOnly : List.of("openai", "anthropic", "groq")) {
            assertFalse(info(spendOnly).reportsBalance(), spendOnly);
            assertEquals(List.of(), info(spendOnly).balanceCurrencies(null), spendOnly);
        }
    }

    @Test
    void deepSeekAlertsOnlyInTheCurrenciesItReports() {
        IllegalArgumentException euro = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.parse("€5", info("deepseek"), null));
        assertEquals("DeepSeek reports balances in CNY or USD, so an alert in EUR would never fire; write e.g. '5 CNY'",
                euro.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("3 GBP", info("deepseek"), null));
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.parse("5", info("deepseek"), null));
        assertEquals("DeepSeek can report balances in CNY and USD; say which one, e.g. '5 CNY'", bare.getMessage());
        assertEquals(Money.of("5", "CNY"), Thresholds.parse("5 cny", info("deepseek"), null));
    }

    @Test
    void spendOnlyProvidersRefuseAnyThresholdBecauseItWouldNeverFire() {
        for (String text : List.of("5", "$5", "5 USD", "5 CNY")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Thresholds.parse(text, info("openai"), null));
            assertEquals("OpenAI reports spend only, not a balance, so a low-balance alert would never fire;"
                    + " leave the threshold out", e.getMessage(), text);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("$5", info("anthropic"), null))
                .getMessage().startsWith("Anthropic reports spend only"));
        assertEquals(Optional.empty(), Thresholds.impliedCurrency(info("openai"), null));
    }

    @Test
    void aBareAmountIsParsedExactly() {
        assertEquals(new BigDecimal("5.50"), Thresholds.parseAmount(" 5.50 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parseAmount("5 CNY"));
        assertEquals("'5 CNY' is not an amount; write e.g. 5 or 5.50", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thresholds.parseAmount("-1"));
    }
}
