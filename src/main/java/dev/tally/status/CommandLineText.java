package dev.tally.status;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.estimate.EstimatedBalance;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchOutcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line's status text: one human line per account, e.g.
 * {@code DeepSeek: 110.00 CNY (paid 100.00, granted 10.00)}, and the {@code --json} messages. Plain decimals, advice
 * as exact commands. Stateless and thread-safe; the clock is always an argument.
 */
public final class CommandLineText {
    private CommandLineText() {
    }

    /**
     * How amounts are written. {@link #MARKED}, the default for people: thousands grouped as the widget groups them
     * ({@code 1,234.50 CNY}) and {@code LOW} / {@code EMPTY} beside an amount below its alert or at or below zero
     * ({@link Levels}). {@link #PLAIN} ({@code --plain}): exact decimals as the JSON has them, no marks.
     */
    public enum Form {
        PLAIN, MARKED;

        boolean grouped() {
            return this == MARKED;
        }
    }

    /**
     * The "; retry in N s" that the HTTP layer appends to a 429 message from the provider's Retry-After. Shown by
     * {@code tally balance} as the provider's request; dropped when it is 0 s (a date in the past means "now", and
     * "retry in 0 s" reads like a fault) and by {@code tally watch}, which states the wait it actually planned.
     */
    private static final Pattern RETRY_AFTER_SUFFIX = Pattern.compile("; retry in \\d+ s$");

    /** {@code Label: what was fetched}, or {@code Label: what went wrong — what to do}. */
    public static String line(FetchOutcome o) {
        return line(o, Form.PLAIN);
    }

    /** {@link #line(FetchOutcome)} with amounts written in {@code form}, marked against the account's alert level. */
    public static String line(FetchOutcome o, Form form) {
        String label = o.target().label();
        Money threshold = threshold(o);
        return switch (o) {
            case FetchOutcome.Success s -> Phrase.LINE.say(label, withEstimate(describe(s.snapshot(), form, threshold),
                    Estimates.of(o.target().account(), s.snapshot()), o.target().info().displayName(), form, threshold));
            case FetchOutcome.Failure f -> Phrase.LINE.say(label, unsupported(o).orElseGet(() -> describe(f.error())));
        };
    }

    /**
     * For a provider Tally cannot read: "balance check not supported — why", the reason in the current language
     * ({@link Problem#unsupportedReason}); the same words the fetcher put in the error, which stay English for
     * {@code --json} and the history.
     */
    private static java.util.Optional<String> unsupported(FetchOutcome o) {
        if (o instanceof FetchOutcome.Failure f && f.error() instanceof FetchError.Unsupported u && u.remedy() == dev.tally.core.Remedy.NONE
                && !o.target().info().supported() && o.target().info().unsupportedReason() != null) {
            return java.util.Optional.of(Problem.UNSUPPORTED.commandLine(
                    Phrase.CLI_UNSUPPORTED_BECAUSE.say(Problem.unsupportedReason(o.target().info()))));
        }
        return java.util.Optional.empty();
    }

    private static Money threshold(FetchOutcome o) {
        return o.target().account() == null ? null : o.target().account().threshold();
    }

    /**
     * A line of {@code tally watch}: like {@link #line}, and after a failure the wait the poller actually planned
     * ("next try in 30 s") — for a 429 that is the longer of the provider's Retry-After and the backoff — or that
     * the account waits for its key or settings to change.
     *
     * @param state the account's state after this poll (its {@code nextPollAt} is the planned retry)
     */
    public static String watchLine(FetchOutcome o, AccountState state, Instant now) {
        return watchLine(o, state, now, Form.PLAIN);
    }

    /** {@link #watchLine(FetchOutcome, AccountState, Instant)} with amounts written in {@code form}. */
    public static String watchLine(FetchOutcome o, AccountState state, Instant now, Form form) {
        if (!(o instanceof FetchOutcome.Failure f)) {
            return line(o, form);
        }
        String text = Phrase.LINE.say(o.target().label(), unsupported(o).orElseGet(() -> describe(f.error(), false)));
        if (state != null && state.nextPollAt() != null) {
            return Phrase.WATCH_NEXT_TRY.say(text, Ages.wait(Duration.between(now, state.nextPollAt())));
        }
        if (state != null && state.paused()) {
            return Phrase.WATCH_PAUSED.say(text);
        }
        return text;
    }

    /**
     * The error's message for people with its remedy as a command ({@code --json}'s {@code message}, the history's
     * record); a rate-limit message never ends in "retry in 0 s".
     */
    public static String message(FetchError e) {
        return message(e, true);
    }

    private static String message(FetchError e, boolean keepRetryAfter) {
        if (e instanceof FetchError.RateLimited r
                && (!keepRetryAfter || r.retryAfter() == null || r.retryAfter().toSeconds() == 0)) {
            return Remedies.say(RETRY_AFTER_SUFFIX.matcher(r.message()).replaceFirst(""), r.remedy(),
                    Remedies.Front.COMMAND_LINE);
        }
        return Remedies.commandLine(e);
    }

    /** What went wrong and what to do: "key rejected — the key was rejected by … — check the region (--region)". */
    public static String describe(FetchError e) {
        return describe(e, true);
    }

    private static String describe(FetchError e, boolean keepRetryAfter) {
        return Problem.of(e).commandLine(message(e, keepRetryAfter));
    }

    /** What a snapshot holds: every balance with its split, spend, the key's limit, and what is missing. */
    public static String describe(BalanceSnapshot s) {
        return describe(s, Form.PLAIN, null);
    }

    /**
     * {@link #describe(BalanceSnapshot)} with amounts written in {@code form}; in {@link Form#MARKED} each balance and
     * the key's remaining limit carry {@code LOW} / {@code EMPTY} against {@code threshold}.
     *
     * @param threshold the account's alert level, or {@code null}
     */
    public static String describe(BalanceSnapshot s, Form form, Money threshold) {
        List<String> parts = new ArrayList<>();
        boolean assumed = false;
        for (CurrencyBalance b : s.balances()) {
            String text = marked(money(b.total(), b.currency(), form), b.total(), b.currency(), form, threshold);
            List<String> split = new ArrayList<>();
            if (b.paid() != null) {
                split.add(Phrase.CLI_PAID.say(MoneyText.number(b.paid(), form.grouped())));
            }
            if (b.granted() != null) {
                split.add(Phrase.CLI_GRANTED.say(MoneyText.number(b.granted(), form.grouped())));
            }
            if (!split.isEmpty()) {
                text = Phrase.CLI_SPLIT.say(text, split.stream().reduce(Phrase.CLI_SPLIT_JOIN::say).orElseThrow());
            }
            assumed |= b.currencyAssumed();
            parts.add(text);
        }
        if (s.spend() != null) {
            parts.add(Phrase.CLI_SPENT.say(money(s.spend().amount().amount(), s.spend().amount().currency(), form)));
        }
        if (s.keyLimit() != null) {
            // the key's remaining limit is what is left only where there is no balance (the widget's rule)
            parts.add(keyLimit(s.keyLimit(), form, s.balances().isEmpty() ? threshold : null));
            assumed |= s.keyLimit().currencyAssumed();
        }
        String text = String.join(" · ", parts);
        if (assumed) {
            text = Phrase.CLI_CURRENCY_ASSUMED.say(text);
        }
        if (Boolean.FALSE.equals(s.available())) {
            text = Phrase.CLI_NOT_AVAILABLE.say(text);
        }
        if (s.partial()) {
            text = Phrase.CLI_PARTIAL.say(text, describe(s.problem()));
        }
        // as of the answer: the line says what was fetched then
        for (String caveat : Caveats.sentences(s, s.fetchedAt())) {
            text = Phrase.CLI_CAVEAT.say(text, caveat);
        }
        return text;
    }

    private static String keyLimit(KeyLimit k, Form form, Money threshold) {
        String text;
        if (k.unlimited()) {
            text = Phrase.CLI_KEY_NO_LIMIT.say();
        } else {
            String left = k.remaining() == null ? Phrase.CLI_KEY_REMAINING_UNKNOWN.say()
                    : Phrase.CLI_KEY_LEFT.say(marked(money(k.remaining(), k.currency(), form), k.remaining(),
                    k.currency(), form, threshold));
            text = Phrase.CLI_KEY_LIMIT.say(money(k.limit(), k.currency(), form), left);
            if (k.reset() != null) {
                text = Phrase.CLI_KEY_RESETS.say(text, Phrase.resetPeriod(k.reset()));
            }
        }
        return k.usage() == null ? text : Phrase.CLI_KEY_USED.say(text, money(k.usage(), k.currency(), form));
    }

    /** The amount's text with its mark in {@link Form#MARKED}; as it is in {@link Form#PLAIN}. */
    private static String marked(String text, BigDecimal amount, String currency, Form form, Money threshold) {
        return form == Form.MARKED ? Levels.mark(amount, currency, threshold).beside(text) : text;
    }

    /**
     * {@code tally status}'s line from the history: the last balance and its age ({@code [stale]} when old), or that
     * none is recorded, then the last failure's recorded message.
     *
     * @param last          the last recorded balance, or {@code null}
     * @param lastGoodAt    when it was fetched, or {@code null}
     * @param failedMessage the last check's failure as recorded, or {@code null} when it did not fail
     */
    public static String statusLine(String label, BalanceSnapshot last, Instant lastGoodAt, boolean stale,
                                    String failedMessage, Instant now) {
        return statusLine(label, last, lastGoodAt, stale, failedMessage, now, Form.PLAIN, null);
    }

    private static String statusLine(String label, BalanceSnapshot last, Instant lastGoodAt, boolean stale,
                                     String failedMessage, Instant now, Form form, Money threshold) {
        String text;
        if (last != null) {
            text = Phrase.CLI_STATUS_AGE.say(describe(last, form, threshold), Ages.ago(lastGoodAt, now));
            if (stale) {
                text = Phrase.CLI_STATUS_STALE.say(text);
            }
        } else {
            text = Phrase.CLI_STATUS_NO_BALANCE.say();
        }
        if (failedMessage != null) {
            text = Phrase.CLI_STATUS_LAST_FAILED.say(text, failedMessage);
        }
        return Phrase.LINE.say(label, text);
    }

    /**
     * {@link #statusLine(String, BalanceSnapshot, Instant, boolean, String, Instant)} with the estimated balance of
     * an account with a known top-up after what was reported.
     *
     * @param estimate the estimate ({@link Estimates#of}), or {@code null} when there is no known top-up
     * @param provider the provider's name for messages
     */
    public static String statusLine(String label, BalanceSnapshot last, Instant lastGoodAt, boolean stale,
                                    String failedMessage, Instant now, EstimatedBalance estimate, String provider) {
        return statusLine(label, last, lastGoodAt, stale, failedMessage, now, estimate, provider, Form.PLAIN, null);
    }

    /**
     * {@link #statusLine(String, BalanceSnapshot, Instant, boolean, String, Instant, EstimatedBalance, String)} with
     * amounts written in {@code form}, marked against {@code threshold} (or {@code null}).
     */
    public static String statusLine(String label, BalanceSnapshot last, Instant lastGoodAt, boolean stale,
                                    String failedMessage, Instant now, EstimatedBalance estimate, String provider,
                                    Form form, Money threshold) {
        String line = statusLine(label, last, lastGoodAt, stale, failedMessage, now, form, threshold);
        return estimate == null ? line
                : Phrase.CLI_PARTIAL.say(line, Estimates.commandLine(estimate, provider, form == Form.MARKED, threshold));
    }

    /** What was reported, then " · ≈ $78.80 left (estimated from your $120.00 top-up)" when there is a top-up. */
    static String withEstimate(String reported, EstimatedBalance estimate, String provider, Form form, Money threshold) {
        return estimate == null ? reported
                : reported + " · " + Estimates.commandLine(estimate, provider, form == Form.MARKED, threshold);
    }

    /** An amount on the command line: {@code 110.00 CNY}. */
    public static String money(BigDecimal amount, String currency) {
        return MoneyText.commandLine(amount, currency);
    }

    /** An amount on the command line in {@code form}: {@code 1234.50 CNY} or {@code 1,234.50 CNY}. */
    public static String money(BigDecimal amount, String currency, Form form) {
        return MoneyText.commandLine(amount, currency, form.grouped());
    }
}
