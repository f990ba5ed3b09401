package dev.tally.status;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;
import dev.tally.estimate.EstimatedBalance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The estimated balance of an account with a known top-up, and every word about it, for every front end: always
 * called an estimate, with its basis, never shown as a reported balance. Days are UTC days, as the providers'
 * spend buckets are. Stateless and thread-safe.
 */
public final class Estimates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Estimates() {
    }

    /**
     * The estimate for {@code account} from its last good snapshot.
     *
     * @param account the configured account, or {@code null} (ad hoc: no top-up, no estimate)
     * @param last    the last good snapshot, or {@code null}
     * @return {@code null} when the account has no known top-up
     */
    public static EstimatedBalance of(Account account, BalanceSnapshot last) {
        if (account == null || account.topUp() == null) {
            return null;
        }
        return EstimatedBalance.of(account.topUp(), last == null ? null : last.spend());
    }

    /** Why there is no estimate, in a phrase: "waiting for OpenAI's spend since your top-up". */
    public static String reason(EstimatedBalance.Refused r, String provider) {
        return switch (r.why()) {
            case WAITING -> Phrase.ESTIMATE_WAITING.say(provider);
            case CURRENCY -> Phrase.ESTIMATE_CURRENCY.say(r.topUpCurrency(), provider, r.spendCurrency());
            case TOO_OLD -> Phrase.ESTIMATE_TOO_OLD.say();
        };
    }

    /** The command line: "≈ $78.80 left (estimated from your $120.00 top-up)", or "no estimate — why". */
    public static String commandLine(EstimatedBalance e, String provider) {
        return switch (e) {
            case EstimatedBalance.Known k -> (k.usedUp() ? Phrase.ESTIMATE_CLI_USED_UP : Phrase.ESTIMATE_CLI_LEFT)
                    .say(MoneyFormat.shortText(k.amount()), MoneyFormat.shortText(k.topUp().amount()));
            case EstimatedBalance.Refused r -> Phrase.ESTIMATE_CLI_NONE.say(reason(r, provider));
        };
    }

    /**
     * {@link #commandLine(EstimatedBalance, String)} for a command's text: the amount grouped as the widget shows it
     * and marked {@code LOW} / {@code EMPTY} against {@code threshold} when {@code marked}, else plain
     * ({@code --plain}: {@code $1234.50}, no mark).
     */
    public static String commandLine(EstimatedBalance e, String provider, boolean marked, Money threshold) {
        return switch (e) {
            case EstimatedBalance.Known k -> (k.usedUp() ? Phrase.ESTIMATE_CLI_USED_UP : Phrase.ESTIMATE_CLI_LEFT).say(
                    marked ? Levels.mark(k.amount().amount(), k.amount().currency(), threshold)
                            .beside(MoneyFormat.shortText(k.amount())) : MoneyFormat.plainText(k.amount()),
                    marked ? MoneyFormat.shortText(k.topUp().amount()) : MoneyFormat.plainText(k.topUp().amount()));
            case EstimatedBalance.Refused r -> Phrase.ESTIMATE_CLI_NONE.say(reason(r, provider));
        };
    }

    /** The large number on a card or in a menu: "≈ $78.80", or {@value MoneyText#HIDDEN}. */
    public static String amount(EstimatedBalance.Known k, boolean hide) {
        return "≈ " + MoneyText.shown(k.amount(), hide);
    }

    /** The basis: "$120.00 on 30 Nov − $41.20 reported since". */
    public static String basis(EstimatedBalance.Known k, boolean hide) {
        return Phrase.ESTIMATE_BASIS.say(MoneyText.shown(k.topUp().amount(), hide), day(k.topUp().at()),
                MoneyText.shown(k.reportedSpend(), hide));
    }

    /**
     * Where the spend was counted from when the top-up fell inside a day ("spend counted from 1 Dec: OpenAI reports
     * whole days, so the rest of 30 Nov is not counted"), else {@code null}.
     */
    public static String countedFrom(EstimatedBalance.Known k, String provider) {
        return k.bucketEnd() ? Phrase.ESTIMATE_COUNTED_FROM.say(day(k.since()), provider, day(k.topUp().at())) : null;
    }

    /** The tray menu: "≈ $78.80 left (estimate)" or "estimate used up". */
    public static String tray(EstimatedBalance.Known k, boolean hide) {
        return k.usedUp() ? Phrase.ESTIMATE_TRAY_USED_UP.say() : Phrase.ESTIMATE_TRAY.say(MoneyText.shown(k.amount(), hide));
    }

    /**
     * Days the estimate lasts at the pace of the reported spend since the top-up (whole days, rounded down), or
     * {@code null} when there is under a day of spend, no spend, or nothing left.
     */
    public static Long runwayDays(EstimatedBalance.Known k) {
        java.time.Duration counted = java.time.Duration.between(k.since(), k.spendTo());
        if (counted.compareTo(java.time.Duration.ofDays(1)) < 0 || k.reportedSpend().amount().signum() <= 0 || k.usedUp()) {
            return null;
        }
        java.math.BigDecimal days = new java.math.BigDecimal(counted.toSeconds()).divide(new java.math.BigDecimal(86_400),
                6, java.math.RoundingMode.DOWN);
        return k.amount().amount().multiply(days).divide(k.reportedSpend().amount(), 0, java.math.RoundingMode.DOWN)
                .longValueExact();
    }

    /** {@link #tray(EstimatedBalance.Known, boolean)} for a summary's estimate, or {@code null} when it has none. */
    public static String tray(AccountSummary s, boolean hide) {
        return s.estimate() instanceof EstimatedBalance.Known k ? tray(k, hide) : null;
    }

    /** True when the estimate is below {@code threshold} (same currency only; another currency never compares). */
    public static boolean below(EstimatedBalance e, Money threshold) {
        return e instanceof EstimatedBalance.Known k && threshold != null
                && k.amount().currency().equals(threshold.currency()) && k.amount().compareAmount(threshold) < 0;
    }

    static String day(Instant at) {
        return DAY.format(at);
    }
}
