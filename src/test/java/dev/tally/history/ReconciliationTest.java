package dev.tally.history;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balance drops against reported usage (an OpenRouter account with both keys) over a day of hourly checks: agreeing
 * series pass, a balance that falls faster than the key's usage is flagged, top-ups and usage resets are left out.
 */
class ReconciliationTest {
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    /** {@code hours + 1} points; per hour the usage rises by {@code used} and the balance falls by {@code dropped}. */
    private static List<BalancePoint> series(int hours, String used, String dropped) {
        List<BalancePoint> out = new ArrayList<>();
        BigDecimal balance = new BigDecimal("100.00");
        BigDecimal usage = new BigDecimal("5.00");
        for (int h = 0; h <= hours; h++) {
            out.add(new BalancePoint(T0.plus(Duration.ofHours(h)), balance, usage));
            balance = balance.subtract(new BigDecimal(dropped));
            usage = usage.add(new BigDecimal(used));
        }
        return out;
    }

    @Test
    void agreeingSeriesDoNotDisagree() {
        Reconciliation r = Reconciliation.of(series(24, "0.50", "0.50"));
        assertEquals(new BigDecimal("12.00"), r.fromBalance());
        assertEquals(new BigDecimal("12.00"), r.reported());
        assertFalse(r.disagrees());
        assertEquals(Duration.ofDays(1), r.covered());
        assertEquals(T0, r.since());
    }

    @Test
    void aSmallDifferenceWithinTenPercentOrUnderOneUnitIsTolerated() {
        assertFalse(Reconciliation.of(series(24, "0.50", "0.54")).disagrees(), "0.96 over 12.00: under one unit");
        assertFalse(Reconciliation.of(series(24, "5.00", "5.40")).disagrees(), "9.60 over 120.00: within 10 %");
    }

    @Test
    void aBalanceFallingFasterThanTheReportedUsageDisagreesBySoMuch() {
        Reconciliation r = Reconciliation.of(series(24, "0.50", "0.75"));
        assertTrue(r.disagrees());
        assertEquals(new BigDecimal("6.00"), r.difference());
    }

    @Test
    void lessThanADayGivesNoVerdict() {
        assertFalse(Reconciliation.of(series(12, "0.50", "2.00")).disagrees());
    }

    @Test
    void topUpsAndUsageResetsAreLeftOut() {
        List<BalancePoint> s = new ArrayList<>(series(24, "0.50", "0.50"));
        BalancePoint last = s.getLast();
        s.add(new BalancePoint(last.at().plus(Duration.ofHours(1)), last.balance().add(new BigDecimal("50")),
                last.usage().add(new BigDecimal("0.50"))));
        s.add(new BalancePoint(last.at().plus(Duration.ofHours(2)), last.balance().add(new BigDecimal("49.50")),
                new BigDecimal("0.50")));
        Reconciliation r = Reconciliation.of(s);
        assertEquals(new BigDecimal("12.00"), r.reported(), "the top-up hour and the reset hour do not count");
        assertFalse(r.disagrees());
    }
}
