package dev.tally.tray;

import dev.tally.status.AccountSummary;
import dev.tally.status.Phrase;
import dev.tally.status.State;
import dev.tally.status.Summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tray menu as data, so it can be tested without a tray and drawn by any {@link TrayBackend}: one clickable
 * row per account, worst first, with its state mark, amount and age (the glance: tray tooltips are unreliable on
 * Linux, the menu is not), then
 * Refresh all, Open Tally, Settings…, and Quit. Immutable.
 */
public final class TrayMenu {
    private TrayMenu() {
    }

    /** One menu entry. */
    public sealed interface Entry permits Info, Row, Action, Separator {
    }

    /**
     * One account: its state mark, label, amounts and age, e.g. {@code ⚠ DeepSeek (work) — ¥3.10 (below ¥5.00) · 2 min
     * ago}. Clicking it opens the window at that account's card.
     */
    public record Row(String accountId, State state, String text) implements Entry {
        public Row {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A line that can be read but not clicked. */
    public record Info(String text) implements Entry {
        public Info {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A clickable item (greyed when not {@code enabled}); its text is {@link TrayAction#label()} unless given. */
    public record Action(String text, TrayAction action, boolean enabled) implements Entry {
        public Action {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(action, "action");
        }

        /** An enabled item. */
        public Action(String text, TrayAction action) {
            this(text, action, true);
        }

        public static Action of(TrayAction action) {
            return new Action(action.label(), action);
        }
    }

    /** A dividing line. */
    public record Separator() implements Entry {
    }

    /** The menu for {@code summary} at {@code now}. */
    public static List<Entry> of(Summary summary, Instant now, boolean hideAmounts) {
        List<Entry> entries = new ArrayList<>();
        if (summary.accounts().isEmpty()) {
            entries.add(new Info(Phrase.TRAY_NO_ACCOUNTS_MENU.say()));
        }
        for (AccountSummary line : summary.worstFirst()) {
            entries.add(new Row(line.id(), line.state(), TrayText.rowText(line, now, hideAmounts)));
        }
        entries.add(new Separator());
        // nothing to refresh without accounts
        entries.add(new Action(TrayAction.REFRESH_ALL.label(), TrayAction.REFRESH_ALL, !summary.accounts().isEmpty()));
        entries.add(Action.of(TrayAction.OPEN_WINDOW));
        entries.add(Action.of(TrayAction.SETTINGS));
        entries.add(new Separator());
        entries.add(Action.of(TrayAction.QUIT));
        return List.copyOf(entries);
    }
}
