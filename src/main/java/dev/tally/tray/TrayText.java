package dev.tally.tray;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.status.AccountSummary;
import dev.tally.status.Ages;
import dev.tally.status.Estimates;
import dev.tally.status.MoneyText;
import dev.tally.status.Phrase;
import dev.tally.status.State;
import dev.tally.status.Summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tray lays out the status words ({@link Phrase}): the tooltip and the per-account menu lines. Plain Java,
 * stateless, thread-safe; the clock is always an argument. With {@code hideAmounts} (for screen sharing)
 * every amount becomes {@value MoneyText#HIDDEN}; labels, states and ages stay.
 */
public final class TrayText {
    /** What replaces an amount when amounts are hidden; kept for callers not yet on {@link MoneyText#HIDDEN}. */
    public static final String HIDDEN = MoneyText.HIDDEN;
    /**
     * Windows keeps at most 127 characters of a tray tooltip and the JDK cuts the rest; the tooltip is kept
     * within this length on every platform so all platforms show the same text.
     */
    public static final int TOOLTIP_MAX = 127;

    private TrayText() {
    }

    /** An amount as {@code ¥110.00}, or {@value MoneyText#HIDDEN}; kept for callers not yet on {@link MoneyText#shown}. */
    public static String money(Money m, boolean hideAmounts) {
        return MoneyText.shown(m, hideAmounts);
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
                parts.add(MoneyText.shown(b.totalMoney(), hideAmounts));
            }
            return String.join(", ", parts);
        }
        if (s.spend() != null) {
            return Phrase.TRAY_SPENT.say(MoneyText.shown(s.spend().amount(), hideAmounts));
        }
        KeyLimit k = s.keyLimit();
        if (k.unlimited()) {
            return Phrase.TRAY_KEY_NO_LIMIT.say();
        }
        if (k.remaining() != null) {
            return Phrase.TRAY_KEY_LEFT.say(MoneyText.shown(k.remaining(), k.currency(), hideAmounts));
        }
        return Phrase.TRAY_KEY_LIMIT.say(MoneyText.shown(k.limit(), k.currency(), hideAmounts));
    }

    /**
     * One disabled menu line per account, e.g. {@code DeepSeek (work) — ¥110.00 · 3 min ago},
     * {@code DeepSeek — ¥4.20 (below ¥5.00) · 3 min ago}, {@code Moonshot — key rejected · 3 min ago},
     * {@code OpenRouter — $74.50 · 25 min ago · timed out}.
     */
    public static String menuLine(AccountSummary line, Instant now, boolean hideAmounts) {
        List<String> parts = new ArrayList<>();
        if (line.value() != null) {
            String amounts = amounts(line.value(), hideAmounts);
            String estimate = Estimates.tray(line, hideAmounts);
            if (estimate != null) {
                // labelled an estimate, beside what the provider reported
                amounts = estimate + " · " + amounts;
            }
            if (line.low()) {
                amounts = hideAmounts ? Phrase.TRAY_LOW_HIDDEN.say(amounts)
                        : Phrase.TRAY_BELOW.say(amounts, MoneyText.shown(line.threshold(), false));
            }
            parts.add(amounts);
            parts.add(Ages.ago(line.valueAt(), now));
            if (line.problem() != null) {
                parts.add(line.problem());
            }
        } else if (line.problem() != null) {
            parts.add(line.problem());
            if (line.problemAt() != null) {
                parts.add(Ages.ago(line.problemAt(), now));
            }
        } else {
            parts.add(Phrase.TRAY_NOT_CHECKED.say());
        }
        return Phrase.TRAY_MENU_LINE.say(line.label(), String.join(" · ", parts));
    }

    /**
     * The icon's tooltip, e.g.
     * {@code Tally — DeepSeek ¥110.00 · OpenRouter $74.50 · Moonshot: key rejected (3 min ago)}.
     * Accounts that are fine show label and amount; others add what is wrong and how old the information is.
     * At most {@value #TOOLTIP_MAX} characters: when too long, healthy accounts are left out first (from the
     * end), then others, and {@code +N more} says how many. One line: the AWT tray tooltip on Linux (XEmbed) draws a
     * single line and drops line breaks, running the accounts together, so they are parted by {@code " · "}.
     */
    public static String tooltip(Summary summary, Instant now, boolean hideAmounts) {
        List<AccountSummary> lines = summary.accounts();
        if (lines.isEmpty()) {
            return Phrase.TRAY_TOOLTIP.say(Phrase.TRAY_NO_ACCOUNTS_TOOLTIP.say());
        }
        List<String> items = new ArrayList<>();
        for (AccountSummary l : lines) {
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

    static String tooltipItem(AccountSummary l, Instant now, boolean hideAmounts) {
        if (l.value() == null) {
            if (l.problem() == null) {
                return Phrase.TRAY_ITEM_PROBLEM.say(l.label(), Phrase.TRAY_NOT_CHECKED.say());
            }
            return l.problemAt() == null ? Phrase.TRAY_ITEM_PROBLEM.say(l.label(), l.problem())
                    : Phrase.TRAY_ITEM_PROBLEM_AT.say(l.label(), l.problem(), Ages.ago(l.problemAt(), now));
        }
        List<String> notes = new ArrayList<>();
        if (l.low()) {
            notes.add(Phrase.TRAY_LOW.say());
        }
        if (l.problem() != null) {
            notes.add(l.problem());
        }
        if (l.state() != State.OK) {
            notes.add(Ages.ago(l.valueAt(), now));
        }
        String amounts = amounts(l.value(), hideAmounts);
        return notes.isEmpty() ? Phrase.TRAY_ITEM.say(l.label(), amounts)
                : Phrase.TRAY_ITEM_NOTES.say(l.label(), amounts, String.join(", ", notes));
    }

    /** The last healthy account still shown, else the last account of the least urgent state. */
    private static int nextToDrop(List<AccountSummary> lines, boolean[] dropped) {
        int pick = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!dropped[i] && (pick < 0 || !lines.get(i).state().worseThan(lines.get(pick).state()))) {
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
            kept.add(Phrase.TRAY_MORE.say(droppedCount));
        }
        return Phrase.TRAY_TOOLTIP.say(String.join(" · ", kept));
    }
}
