package dev.tally.tray;

import dev.tally.status.State;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A place in the desktop's system tray for one icon with a tooltip and a menu.
 *
 * <p>Check {@link #isSupported()} first; when it is false the application keeps its window as an
 * ordinary window and closing it quits. Every method may be called from any thread and returns at once:
 * implementations do their own toolkit work on their own thread. Menu actions and icon activation reach the
 * {@link Listener} through the "run on UI" {@link java.util.concurrent.Executor} given to the implementation
 * (e.g. {@code Platform::runLater}; tests pass {@code Runnable::run}). No method throws for toolkit
 * failures; they are logged.
 */
public interface TrayBackend {

    /** Receives what the user did with the icon, on the injected UI executor. */
    interface Listener {
        /** A menu item was chosen. */
        void onAction(TrayAction action);

        /**
         * The icon itself was activated (a click on Linux, a double click on Windows; macOS shows the menu
         * instead). Opens the window unless overridden.
         */
        default void onIconActivated() {
            onAction(TrayAction.OPEN_WINDOW);
        }

        /**
         * The icon was activated at {@code at} (screen pixels where the user clicked, as the tray reports it), so the
         * window can open next to the icon. Calls {@link #onIconActivated()} unless overridden.
         */
        default void onIconActivated(Click at) {
            onIconActivated();
        }

        /** An account's row in the menu was chosen: open the window at its card. Opens the window unless overridden. */
        default void onOpenAccount(String accountId) {
            onAction(TrayAction.OPEN_WINDOW);
        }
    }

    /**
     * Where the icon was clicked, in screen pixels. Trays that do not report a position (or report 0,0) give
     * {@code null} instead of a click.
     */
    record Click(int x, int y) {
    }

    /** True when an icon can be shown here. Fast, never throws; the answer does not change afterwards. */
    boolean isSupported();

    /**
     * Adds the icon (or updates it when already shown).
     *
     * @return completes on the UI executor with {@code true} once the icon is in the tray, {@code false} when it
     *         could not be added (no tray, the tray refused it); never completes exceptionally
     */
    CompletionStage<Boolean> show(State state, String tooltip, List<TrayMenu.Entry> menu);

    /** Replaces icon, tooltip and menu of the shown icon; does nothing when the icon is not shown. */
    void update(State state, String tooltip, List<TrayMenu.Entry> menu);

    /** Removes the icon if shown. Idempotent. */
    void remove();

    /** True between a successful {@link #show} and {@link #remove}. */
    boolean isShowing();
}
