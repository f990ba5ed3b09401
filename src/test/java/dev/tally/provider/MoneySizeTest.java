package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money arrives as JSON strings or numbers, and both follow one size rule: at most 30 digits before and
 * 30 after the decimal point. A few bytes such as {@code 1e999999999} would otherwise become a gigabyte of
 * digits when the balance is printed, stored or compared.
 */
class MoneySizeTest {
    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    private static final String THIRTY_DIGITS = "123456789012345678901234567890";
    private static final String THIRTY_DECIMALS = "0." + "0".repeat(29) + "1";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new DeepSeekProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private void serve(String amount, boolean asString) {
        String json = asString ? "\"" + amount + "\"" : amount;
        server.json("/user/balance", 200,
                "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":" + json + "}]}");
    }

    static Stream<Arguments> absurd() {
        return Stream.of(true, false).flatMap(asString -> Stream.of(
                Arguments.of("1e999999999", asString, "1000000000 digits before the decimal point (at most 30)"),
                Arguments.of("1e-999999999", asString, "999999999 digits after the decimal point (at most 30)"),
                Arguments.of("-1E+999999999", asString, "1000000000 digits before the decimal point (at most 30)"),
                Arguments.of("0e999999999", asString, "digits before the decimal point (at most 30)"),
                Arguments.of(FORTY_DIGITS, asString, "40 digits before the decimal point (at most 30)"),
                Arguments.of(FORTY_DIGITS + ".5", asString, "40 digits before the decimal point (at most 30)"),
                Arguments.of("1" + THIRTY_DIGITS, asString, "31 digits before the decimal point (at most 30)"),
                Arguments.of(THIRTY_DECIMALS + "5", asString, "31 digits after the decimal point (at most 30)")));
    }

    @ParameterizedTest(name = "{0} as string: {1}")
    @MethodSource("absurd")
    void absurdSizesAreBadResponsesNamingTheLimit(String amount, boolean asString, String expected) {
        serve(amount, asString);
        FetchError e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> harness.fail());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status(), e.message());
        assertTrue(e.message().startsWith(
                "DeepSeek balance balance_infos[0]: field 'total_balance' is not a plausible amount: '"), e.message());
        assertTrue(e.message().endsWith(expected), e.message());
        assertTrue(e.message().length() < 200, e.message());
    }

    static Stream<Arguments> largestAccepted() {
        return Stream.of(true, false).flatMap(asString -> Stream.of(
                Arguments.of(THIRTY_DIGITS, asString, THIRTY_DIGITS),
                Arguments.of("-" + THIRTY_DIGITS + "." + THIRTY_DIGITS, asString, "-" + THIRTY_DIGITS + "." + THIRTY_DIGITS),
                Arguments.of(THIRTY_DECIMALS, asString, THIRTY_DECIMALS),
                Arguments.of("1.5e3", asString, "1500"),
                Arguments.of("12e-3", asString, "0.012")));
    }

    @ParameterizedTest(name = "{0} as string: {1}")
    @MethodSource("largestAccepted")
    void amountsUpToThirtyDigitsEachSideAreExact(String amount, boolean asString, String plain) throws Exception {
        serve(amount, asString);
        CurrencyBalance cny = harness.fetch().balances().getFirst();
        assertEquals(plain, cny.total().toPlainString());
    }

    @org.junit.jupiter.api.Test
    void anExponentBeyondAnyIntegerIsRefusedAsText() {
        serve("1e99999999999", true);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertEquals("DeepSeek balance balance_infos[0]: field 'total_balance' is not a plausible amount:"
                + " the exponent of '1e99999999999' is out of range", e.message());
    }

    @org.junit.jupiter.api.Test
    void aHugeMoneyTextIsRefusedWithoutParsingIt() {
        serve("9".repeat(100_000), true);
        FetchError e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> harness.fail());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("is not a plausible amount: a text of 100000 characters, '"
                + "9".repeat(40) + "…'"), e.message());
    }
}
