package dev.tally.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyFormatTest {

    @Test
    void symbolsForTheCommonCurrenciesAndTheCodeOtherwise() {
        assertEquals("$", MoneyFormat.symbol("USD"));
        assertEquals("¥", MoneyFormat.symbol("CNY"));
        assertEquals("€", MoneyFormat.symbol("EUR"));
        assertEquals("£", MoneyFormat.symbol("gbp"));
        assertEquals("CHF", MoneyFormat.symbol("CHF"));
        assertThrows(IllegalArgumentException.class, () -> MoneyFormat.symbol("XXQ"));
    }

    @Test
    void shortTextHasAtLeastTwoDecimals() {
        assertEquals("¥110.00", MoneyFormat.shortText(Money.of("110", "CNY")));
        assertEquals("$74.50", MoneyFormat.shortText(Money.of("74.5", "USD")));
        assertEquals("$0.00", MoneyFormat.shortText(Money.of("0", "USD")));
        assertEquals("€1,200.00", MoneyFormat.shortText(Money.of("1.2E+3", "EUR")));
        assertEquals("€1200.00", MoneyFormat.plainText(Money.of("1.2E+3", "EUR")));
    }

    @Test
    void neverRoundsAwayDigitsTheProviderSent() {
        assertEquals("$49.58894", MoneyFormat.shortText(Money.of("49.58894", "USD")));
        assertEquals("$0.0001", MoneyFormat.shortText(Money.of("0.0001", "USD")));
        assertEquals("¥110.00", MoneyFormat.shortText(Money.of("110.000", "CNY")), "zeros carry no digits");
        assertEquals("$49.58894", MoneyFormat.shortText(Money.of("49.588940", "USD")));
    }

    @Test
    void negativeAmountsPutTheSignBeforeTheSymbol() {
        assertEquals("-$0.50", MoneyFormat.shortText(Money.of("-0.5", "USD")));
        assertEquals("-¥3.10", MoneyFormat.full(Money.of("-3.10", "CNY")).replace(" CNY", ""));
    }

    @Test
    void currenciesWithoutSymbolAreWrittenByCodeOnce() {
        assertEquals("CHF 12.00", MoneyFormat.shortText(Money.of("12", "CHF")));
        assertEquals("CHF 12.00", MoneyFormat.full(Money.of("12", "CHF")));
    }

    @Test
    void fullNamesTheCurrencySoSharedSymbolsAreUnambiguous() {
        assertEquals("¥110.00 CNY", MoneyFormat.full(Money.of("110.00", "CNY")));
        assertEquals("$74.50 USD", MoneyFormat.full(Money.of("74.50", "USD")));
    }

    @Test
    void currenciesWithOtherUsualDecimalsKeepThem() {
        assertEquals("JPY 500", MoneyFormat.full(Money.of("500.00", "JPY")));
        assertEquals("JPY 0.5", MoneyFormat.shortText(Money.of("0.5", "JPY")));
        assertEquals("KWD 1.500", MoneyFormat.shortText(Money.of("1.5", "KWD")));
        assertEquals("49.58894", MoneyFormat.amount(Money.of("49.58894", "USD")));
    }

    @Test
    void displayTextGroupsThousandsAndPlainTextNeverDoes() {
        assertEquals("¥1,234,567.80", MoneyFormat.shortText(Money.of("1234567.8", "CNY")));
        assertEquals("¥1234567.80", MoneyFormat.plainText(Money.of("1234567.8", "CNY")));
        assertEquals("$999.00", MoneyFormat.shortText(Money.of("999", "USD")));
        assertEquals("$1,000.00", MoneyFormat.shortText(Money.of("1000", "USD")));
        assertEquals("-$12,345.6789", MoneyFormat.shortText(Money.of("-12345.6789", "USD")), "the fraction is never grouped");
        assertEquals("JPY 1,200", MoneyFormat.shortText(Money.of("1200", "JPY")));
        assertEquals("¥1,000,000.00 CNY", MoneyFormat.full(Money.of("1000000", "CNY")));
        assertEquals("1234567.80", MoneyFormat.amount(Money.of("1234567.8", "CNY")), "amount() stays plain");
    }
}
