package dev.tally.tray;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.MoneyFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the tray shows: the tooltip, the per-account menu lines, amounts and ages. Plain Java,
 * stateless, thread-safe; the clock is always an argument. With {@code hideAmounts} (for screen sharing)
 * every amount becomes {@value #HIDDEN}; labels, states and ages stay.
 */
public final class TrayText {
    /** What replaces an amount when amounts are hidden. */
    public static final String HIDDEN = "•••";
    /**
     * Windows keeps at most 127 characters of a tray tooltip and the JDK cuts the rest; the tooltip is kept
     * within this length on every platform so all platforms show the same text.
     */
    public static final int TOOLTIP_MAX = 127;
    static final String PREFIX = "Tally — ";

    private TrayText() {
    }

    /** "just now" (under a minute, or in the future), "3 min ago", "2 h ago", "1 day ago", "3 days ago". */
    public static String age(Instant at, Instant now) {
        long seconds = Duration.between(at, now).toSeconds();
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = hours / 24;
        return days == 1 ? "1 day ago" : days + " days ago";
    }

    /** An amount as {@code ¥110.00}, or {@value #HIDDEN}. */
    public static String money(Money m, boolean hideAmounts) {
        return hideAmounts ? HIDDEN : MoneyFormat.shortText(m);
    }

    /**
     * What a snapshot holds, briefly: every balance ({@code ¥110.00, $5.00}, currencies never summed),
     * else provider-reported spend ({@code $12.30 spent this month}), else the key's limit
     * ({@code $74.50 left on key}, {@code key has no limit}).
     */
    public static String amounts(BalanceSnapshot s, boolean hideAmounts) {
        if (!s.balances().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (CurrencyBalance b : s.balances()) {
                parts.add(money(b.totalMoney(), hideAmounts));
            }
            return String.join(", ", parts);
        }
        if (s.spend() != null) {
            return money(s.spend().amount(), hideAmounts) + " spent this month";
        }
        KeyLimit k = s.keyLimit();
        if (k.unlimited()) {
            return "key has no limit";
        }
        if (k.remaining() != null) {
            return money(new Money(k.remaining(), k.currency()), hideAmounts) + " left on key";
        }
        return "key limit " + money(new Money(k.limit(), k.currency()), hideAmounts);
    }

    /**
     * One disabled menu line per account, e.g. {@code DeepSeek (work) — ¥110.00 · 3 min ago},
     * {@code DeepSeek — ¥4.20 (below ¥5.00) · 3 min ago}, {@code Moonshot — key rejected · 3 min ago},
     * {@code OpenRouter — $74.50 · 25 min ago · timed out}.
     */
    public static String menuLine(TraySummary.Line line, Instant now, boolean hideAmounts) {
        List<String> parts = new ArrayList<>();
        if (line.value() != null) {
            String amounts = amounts(line.value(), hideAmounts);
            if (line.low()) {
                amounts += hideAmounts ? " (low)" : " (below " + money(line.threshold(), false) + ")";
            }
            parts.add(amounts);
            parts.add(age(line.valueAt(), now));
            if (line.problem() != null) {
                parts.add(line.problem());
            }
        } else if (line.problem() != null) {
            parts.add(line.problem());
            if (line.problemAt() != null) {
                parts.add(age(line.problemAt(), now));
            }
        } else {
            parts.add("not checked yet");
        }
        return line.label() + " — " + String.join(" · ", parts);
    }

    /**
     * The icon's tooltip, e.g.
     * {@code Tally — DeepSeek ¥110.00 · OpenRouter $74.50 · Moonshot: key rejected (3 min ago)}.
     * Accounts that are fine show label and amount; others add what is wrong and how old the information is.
     * At most {@value #TOOLTIP_MAX} characters: when too long, healthy accounts are left out first (from the
     * end), then others, and {@code +N more} says how many. One line: the AWT tray tooltip on Linux (XEmbed) draws a
     * single line and drops line breaks, running the accounts together, so they are parted by {@code " · "}.
     */
    public static String tooltip(TraySummary summary, Instant now, boolean hideAmounts) {
        List<TraySummary.Line> lines = summary.accounts();
        if (lines.isEmpty()) {
            return PREFIX + "no accounts yet";
        }
        List<String> items = new ArrayList<>();
        for (TraySummary.Line l : lines) {
            items.add(tooltipItem(l, now, hideAmounts));
        }
        boolean[] dropped = new boolean[items.size()];
        int droppedCount = 0;
        String text = join(items, dropped, 0);
        while (text.length() > TOOLTIP_MAX && droppedCount < items.size()) {
            dropped[nextToDrop(lines, dropped)] = true;
            droppedCount++;
            text = join(items, dropped, droppedCount);
        }
        if (text.length() > TOOLTIP_MAX) {
            text = text.substring(0, TOOLTIP_MAX - 1) + "…";
        }
        return text;
    }

    static String tooltipItem(TraySummary.Line l, Instant now, boolean hideAmounts) {
        List<String> notes = new ArrayList<>();
        if (l.value() == null) {
            String what = l.problem() != null ? l.problem() : "not checked yet";
            String when = l.problem() != null && l.problemAt() != null ? " (" + age(l.problemAt(), now) + ")" : "";
            return l.label() + ": " + what + when;
        }
        if (l.low()) {
            notes.add("low");
        }
        if (l.problem() != null) {
            notes.add(l.problem());
        }
        if (l.state() != TrayState.OK) {
            notes.add(age(l.valueAt(), now));
        }
        String text = l.label() + " " + amounts(l.value(), hideAmounts);
        return notes.isEmpty() ? text : text + " (" + String.join(", ", notes) + ")";
    }

    /** The last healthy account still shown, else the last account of the least urgent state. */
    private static int nextToDrop(List<TraySummary.Line> lines, boolean[] dropped) {
        int pick = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!dropped[i] && (pick < 0 || lines.get(i).state().ordinal() <= lines.get(pick).state().ordinal())) {
                pick = i;
            }
        }
        return pick;
    }

    private static String join(List<String> items, boolean[] dropped, int droppedCount) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!dropped[i]) {
                kept.add(items.get(i));
            }
        }
        if (droppedCount > 0) {
            kept.add("+" + droppedCount + " more");
        }
        return PREFIX + String.join(" · ", kept);
    }
}
