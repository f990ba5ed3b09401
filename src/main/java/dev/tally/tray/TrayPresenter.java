package dev.tally.tray;

import dev.tally.poll.AccountState;
import dev.tally.status.State;
import dev.tally.status.Summary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Builds everything the tray shows from ONE {@link Summary}: the icon's state, the tooltip and the menu are drawn
 * from the same facts at the same instant, so they never disagree. Plain Java, stateless, thread-safe.
 */
public final class TrayPresenter {
    private TrayPresenter() {
    }

    /**
     * What the tray shows at one instant.
     *
     * @param icon    the icon's state
     * @param tooltip the icon's tooltip
     * @param menu    the menu
     * @param summary the summary all three were drawn from
     */
    public record View(State icon, String tooltip, List<TrayMenu.Entry> menu, Summary summary) {
        public View {
            Objects.requireNonNull(icon, "icon");
            Objects.requireNonNull(tooltip, "tooltip");
            menu = List.copyOf(menu);
            Objects.requireNonNull(summary, "summary");
        }

        /** Shows it on {@code tray}, adding the icon when not shown yet; see {@link TrayBackend#show}. */
        public java.util.concurrent.CompletionStage<Boolean> showOn(TrayBackend tray) {
            return tray.show(icon, tooltip, menu);
        }

        /** Replaces what {@code tray} shows; see {@link TrayBackend#update}. */
        public void updateOn(TrayBackend tray) {
            tray.update(icon, tooltip, menu);
        }
    }

    /** The view of {@code states} at {@code now}: one summary, then icon, tooltip and menu from it. */
    public static View present(List<AccountState> states, Instant now, boolean hideAmounts) {
        return present(Summary.of(states, now), now, hideAmounts);
    }

    /** The view of {@code summary}; {@code now} is the instant it was made for (ages are told from it). */
    public static View present(Summary summary, Instant now, boolean hideAmounts) {
        return new View(summary.overall(), TrayText.shortTooltip(summary, hideAmounts),
                TrayMenu.of(summary, now, hideAmounts), summary);
    }
}
