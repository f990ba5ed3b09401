package dev.tally.engine;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;
import dev.tally.poll.AccountState;
import dev.tally.poll.Health;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last known state of every account in one line, for status bars ({@code tally status --short}: {@code ⚠ 2 ·
 * ¥3.10 · 2m}) and templates ({@code tally status --format '{label} {amount}'}); the same words whether it is
 * built from the running engine ({@link SummaryFile}) or from the history. Immutable and thread-safe.
 *
 * @param entries one per account, in the order given
 */
public record StatusSummary(List<Entry> entries) {
    public StatusSummary {
        entries = List.copyOf(entries);
    }

    /** How an account is doing, worst first; each with the one character a status bar shows. */
    public enum State {
        ERROR("✖"), NO_KEY("✖"), LOW("⚠"), STALE("~"), PENDING("…"), LIVE("✓"), UNSUPPORTED("–");

        private final String symbol;

        State(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The word in templates and the summary file: {@code error}, {@code no_key}, {@code low}, ... */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<State> ofWord(String word) {
            for (State s : values()) {
                if (s.word().equals(word)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /**
         * @param health    from the last outcome and the age of the last good balance
         * @param balance   the balance shown, or {@code null}
         * @param threshold the account's low-balance level, or {@code null}
         */
        public static State of(Health health, Money balance, Money threshold) {
            State base = switch (health) {
                case ERROR -> ERROR;
                case NO_KEY -> NO_KEY;
                case UNSUPPORTED -> UNSUPPORTED;
                case PENDING -> PENDING;
                case STALE -> STALE;
                case LIVE -> LIVE;
            };
            boolean low = balance != null && (balance.amount().signum() <= 0 || threshold != null
                    && threshold.currency().equals(balance.currency()) && balance.compareAmount(threshold) < 0);
            return low && base.compareTo(LOW) > 0 ? LOW : base;
        }
    }

    /**
     * One account.
     *
     * @param balance       the balance shown (in the threshold's currency when it has one), or {@code null}
     * @param lastSuccessAt when that balance was fetched, or {@code null}
     */
    public record Entry(String id, String label, String provider, State state, Money balance, Instant lastSuccessAt) {
    }

    /** The entry of one account the engine polls. */
    public static Entry entry(AccountState s, Instant now) {
        Money threshold = s.target().account() == null ? null : s.target().account().threshold();
        Money balance = shown(s.lastGood(), threshold);
        return new Entry(s.target().id(), s.target().label(), s.target().info().id().value(),
                State.of(s.health(now), balance, threshold), balance,
                s.lastGood() == null ? null : s.lastGood().fetchedAt());
    }

    /** The balance a summary shows: the one in the threshold's currency if there is one, else the first; or a key's remaining limit. */
    public static Money shown(BalanceSnapshot s, Money threshold) {
        if (s == null) {
            return null;
        }
        for (CurrencyBalance b : s.balances()) {
            if (threshold != null && b.currency().equals(threshold.currency())) {
                return b.totalMoney();
            }
        }
        if (!s.balances().isEmpty()) {
            return s.balances().getFirst().totalMoney();
        }
        if (s.keyLimit() != null && s.keyLimit().remaining() != null) {
            return new Money(s.keyLimit().remaining(), s.keyLimit().currency());
        }
        return null;
    }

    /**
     * {@code ⚠ 2 · ¥3.10 · 2m}: the worst state and how many accounts are in it, the lowest balance among them (of
     * all accounts when none of them has one; different currencies are compared as plain numbers) and the age of
     * the oldest balance shown. {@code no accounts} when there are none.
     */
    public String shortLine(Instant now) {
        List<Entry> counted = entries.stream().filter(e -> e.state() != State.UNSUPPORTED).toList();
        if (counted.isEmpty()) {
            counted = entries;
        }
        if (counted.isEmpty()) {
            return "no accounts";
        }
        State worst = counted.stream().map(Entry::state).min(Comparator.naturalOrder()).orElseThrow();
        List<Entry> inWorst = counted.stream().filter(e -> e.state() == worst).toList();
        Comparator<Entry> byAmount = Comparator.comparing(e -> e.balance().amount());
        Optional<Entry> lowest = inWorst.stream().filter(e -> e.balance() != null).min(byAmount)
                .or(() -> entries.stream().filter(e -> e.balance() != null).min(byAmount));
        StringBuilder line = new StringBuilder(worst.symbol()).append(' ').append(inWorst.size());
        lowest.ifPresent(e -> line.append(" · ").append(MoneyFormat.plainText(e.balance())));
        entries.stream().map(Entry::lastSuccessAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(oldest -> line.append(" · ").append(age(oldest, now)));
        return line.toString();
    }

    /** {@code 45s}, {@code 2m}, {@code 3h}, {@code 2d}: whole units, rounded down. */
    public static String age(Instant at, Instant now) {
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m";
        }
        if (s < 2 * 86400) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }

    /** The placeholders of {@link #format}. */
    public static final List<String> PLACEHOLDERS = List.of("id", "label", "provider", "state", "symbol", "amount",
            "number", "currency", "age", "updated");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /**
     * The template's problem, if any: an unknown placeholder.
     *
     * @return a one-line message, or empty when the template is fine
     */
    public static Optional<String> templateProblem(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return Optional.of("unknown placeholder {" + m.group(1) + "} in --format; use "
                        + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
            }
        }
        return Optional.empty();
    }

    /**
     * One line per account from {@code template}: {@code {label} {amount}} gives {@code DeepSeek ¥110.00}. A value
     * that is not known (no balance yet) is {@code -}. The template must have no {@linkplain #templateProblem problem}.
     */
    public List<String> format(String template, Instant now) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, String> values = Map.of(
                    "id", e.id(),
                    "label", e.label(),
                    "provider", e.provider(),
                    "state", e.state().word(),
                    "symbol", e.state().symbol(),
                    "amount", e.balance() == null ? "-" : MoneyFormat.plainText(e.balance()),
                    "number", e.balance() == null ? "-" : MoneyFormat.amount(e.balance()),
                    "currency", e.balance() == null ? "-" : e.balance().currency(),
                    "age", e.lastSuccessAt() == null ? "-" : age(e.lastSuccessAt(), now),
                    "updated", e.lastSuccessAt() == null ? "-" : e.lastSuccessAt().toString());
            out.add(PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1)))));
        }
        return out;
    }

    // the summary file's account lines: account TAB id TAB state TAB number TAB currency TAB lastSuccessAt TAB provider TAB label

    String fileLine(Entry e) {
        return String.join("\t", "account", clean(e.id()), e.state().word(),
                e.balance() == null ? "-" : e.balance().plain(),
                e.balance() == null ? "-" : e.balance().currency(),
                e.lastSuccessAt() == null ? "-" : e.lastSuccessAt().toString(),
                clean(e.provider()), clean(e.label()));
    }

    /** Reads an account line of the summary file; empty when it is not one. */
    static Optional<Entry> parseFileLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8 || !f[0].equals("account")) {
            return Optional.empty();
        }
        try {
            Optional<State> state = State.ofWord(f[2]);
            if (state.isEmpty()) {
                return Optional.empty();
            }
            Money balance = f[3].equals("-") ? null : new Money(new BigDecimal(f[3]), f[4]);
            Instant at = f[5].equals("-") ? null : Instant.parse(f[5]);
            return Optional.of(new Entry(f[1], f[7], f[6], state.get(), balance, at));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Tabs and line breaks would break the file's lines. */
    private static String clean(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }
}
