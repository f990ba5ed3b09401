package dev.tally.metrics;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.history.WeekSummary;
import dev.tally.testing.Promtool;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {
    private static final Instant AT = Instant.parse("2026-11-22T05:00:00Z");

    static List<AccountMetrics> sample() {
        BalanceSnapshot ds = new BalanceSnapshot(ProviderId.of("deepseek"), AT, true,
                List.of(CurrencyBalance.of("CNY", new BigDecimal("110.00")), CurrencyBalance.of("USD", new BigDecimal("0.50"))),
                null, null);
        BalanceSnapshot openai = new BalanceSnapshot(ProviderId.of("openai"), AT.minusSeconds(3600), null, List.of(),
                new SpendReport(Money.of("12.345", "USD"), SpendReport.MONTH_TO_DATE, AT.minusSeconds(86400), AT), null);
        BalanceSnapshot router = new BalanceSnapshot(ProviderId.of("openrouter"), AT, null, List.of(), null,
                new KeyLimit("USD", new BigDecimal("20"), new BigDecimal("7.25"), new BigDecimal("12.75"), null));
        WeekSummary week = new WeekSummary("CNY", List.of(new BigDecimal("14.00")), new BigDecimal("14.00"), true, new BigDecimal("2.00"),
                new BigDecimal("7.5"), 100);
        return List.of(
                new AccountMetrics("deepseek-work", "deepseek", Money.of("50.00", "CNY"), ds, AccountStatus.OK, List.of(week)),
                new AccountMetrics("openai", "openai", null, openai, AccountStatus.AUTH_FAILED, List.of()),
                new AccountMetrics("router", "openrouter", null, router, AccountStatus.OK, List.of()),
                new AccountMetrics("new-one", "xai", null, null, null, List.of()));
    }

    @Test
    void amountsAreExactDecimalsWithBoundedLabels() {
        String text = PrometheusText.render(sample());
        for (String line : List.of(
                "# TYPE tally_balance gauge",
                "tally_balance{account=\"deepseek-work\",provider=\"deepseek\",currency=\"CNY\"} 110.00",
                "tally_balance{account=\"deepseek-work\",provider=\"deepseek\",currency=\"USD\"} 0.50",
                "tally_threshold{account=\"deepseek-work\",provider=\"deepseek\",currency=\"CNY\"} 50.00",
                "tally_spend_month_to_date{account=\"openai\",provider=\"openai\",currency=\"USD\"} 12.345",
                "tally_key_limit_remaining{account=\"router\",provider=\"openrouter\",currency=\"USD\"} 7.25",
                "tally_up{account=\"deepseek-work\"} 1",
                "tally_up{account=\"openai\"} 0",
                "tally_poll_status{account=\"openai\",status=\"auth_failed\"} 1",
                "tally_poll_status{account=\"openai\",status=\"ok\"} 0",
                "tally_last_success_timestamp_seconds{account=\"deepseek-work\"} 1795323600.000",
                "tally_estimated_spend_7d{account=\"deepseek-work\",provider=\"deepseek\",currency=\"CNY\"} 14.00",
                "tally_runway_seconds{account=\"deepseek-work\",provider=\"deepseek\",currency=\"CNY\"} 648000")) {
            assertTrue(text.lines().anyMatch(line::equals), line + " in\n" + text);
        }
        assertFalse(text.contains("tally_up{account=\"new-one\"}"), "never checked: no up/down yet");
        assertFalse(text.contains("E+") || text.contains("E-"), "no exponent notation");
    }

    @Test
    void anAccountIdThatIsNotASlugIsLeftOut() {
        String text = PrometheusText.render(List.of(new AccountMetrics("bad\"} 1\nevil{x=\"", "deepseek", null, null,
                AccountStatus.OK, List.of())));
        assertFalse(text.contains("evil"), text);
    }

    @Test
    @Slow
    void promtoolFindsNothingWrong() throws Exception {
        Promtool.checkMetrics(PrometheusText.render(sample()));
        Promtool.checkMetrics(PrometheusText.render(List.of()));
    }
}
