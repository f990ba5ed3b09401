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

    /** The longest account label a menu row shows; longer ones end in an ellipsis (the card has the full text). */
    public static final int ROW_LABEL_MAX = 32;

    /** The mark a menu row starts with, so the state does not depend on an icon the menu may not draw. */
    public static String mark(State state) {
        return switch (state) {
            case OK -> Phrase.TRAY_MARK_OK.say();
            case NO_DATA -> Phrase.TRAY_MARK_NO_DATA.say();
            case STALE -> Phrase.TRAY_MARK_STALE.say();
            case LOW -> Phrase.TRAY_MARK_LOW.say();
            case EMPTY -> Phrase.TRAY_MARK_EMPTY.say();
            case ERROR -> Phrase.TRAY_MARK_ERROR.say();
        };
    }

    /** {@code text} cut to {@code max} characters, the last one an ellipsis when cut. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }

    /**
     * An account's menu row: its state mark, then {@link #menuLine} with the label cut to {@value #ROW_LABEL_MAX}
     * characters, e.g. {@code ⚠ DeepSeek (work) — ¥3.10 (below ¥5.00) · 2 min ago}.
     */
    public static String rowText(AccountSummary line, Instant now, boolean hideAmounts) {
        AccountSummary shortLabel = line.withLabel(shorten(line.label(), ROW_LABEL_MAX));
        return Phrase.TRAY_ROW.say(mark(line.state()), menuLine(shortLabel, now, hideAmounts));
    }

    /**
     * The icon's short tooltip, which never covers the menu and is never cut: {@code Tally — 5 accounts ok},
     * {@code Tally — 2 need attention · lowest ¥3.10} (the lowest balance among the low accounts, in the currency of
     * the most urgent one), {@code Tally — checking 3 accounts} before any answer. The accounts themselves are in the
     * menu.
     */
    public static String shortTooltip(Summary summary, boolean hideAmounts) {
        List<AccountSummary> lines = summary.accounts();
        if (lines.isEmpty()) {
            return Phrase.TRAY_TOOLTIP.say(Phrase.TRAY_NO_ACCOUNTS_TOOLTIP.say());
        }
        List<AccountSummary> attention = lines.stream()
                .filter(l -> l.state().needsAttention()).toList();
        if (attention.isEmpty()) {
            boolean checking = lines.stream().allMatch(l -> l.state() == State.NO_DATA);
            String what = checking ? Phrase.TRAY_TIP_CHECKING.say(lines.size())
                    : lines.size() == 1 ? Phrase.TRAY_TIP_ONE_OK.say() : Phrase.TRAY_TIP_ALL_OK.say(lines.size());
            return Phrase.TRAY_TOOLTIP.say(what);
        }
        List<String> parts = new ArrayList<>();
        parts.add(attention.size() == 1 ? Phrase.TRAY_TIP_ONE_ATTENTION.say()
                : Phrase.TRAY_TIP_ATTENTION.say(attention.size()));
        Money lowest = null;
        for (AccountSummary l : summary.worstFirst()) {
            if (!l.low() || l.value() == null || l.value().balances().isEmpty()) {
                continue;
            }
            Money m = l.value().balances().getFirst().totalMoney();
            if (lowest == null || (m.currency().equals(lowest.currency()) && m.compareAmount(lowest) < 0)) {
                lowest = m;
            }
        }
        if (lowest != null) {
            parts.add(Phrase.TRAY_TIP_LOWEST.say(MoneyText.shown(lowest, hideAmounts)));
        }
        return Phrase.TRAY_TOOLTIP.say(String.join(" · ", parts));
    }

    /**
     * The icon's long tooltip (every account), e.g.
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
