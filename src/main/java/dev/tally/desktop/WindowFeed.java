package dev.tally.desktop;

import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import dev.tally.ui.MainViewModel;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way engine events reach the main window: what the cards need (the accounts' states and a week of spend
 * from the history) is read on the calling thread, then handed to the window's view model through the injected UI
 * executor. Until a window is {@linkplain #attach attached} the events are dropped: a window attached later is
 * filled in full.
 *
 * <p>Threads: {@link #read}, {@link #showAll} and {@link #showOne} block on SQLite and run on an io thread, never
 * the UI thread; {@link #attach} and {@link #apply} run on the UI thread; {@link #tick} and {@link #refreshAll}
 * from any thread.
 */
final class WindowFeed {
    /** What the cards show of every account at one moment. */
    record Cards(List<AccountState> states, Map<String, List<WeekSummary>> weeks) {
        Cards {
            states = List.copyOf(states);
            weeks = Map.copyOf(weeks);
        }
    }

    private final Supplier<List<AccountState>> states;
    private final Function<AccountState, List<WeekSummary>> week;
    private final BooleanSupplier hideAmounts;
    private final Clock clock;
    private final Executor ui;
    private volatile MainViewModel window;

    /**
     * @param states      the engine's account states now; any thread
     * @param week        a week of spend for one account, from the history (blocking; empty when there is none)
     * @param hideAmounts whether amounts are hidden now
     * @param ui          runs a task on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    WindowFeed(Supplier<List<AccountState>> states, Function<AccountState, List<WeekSummary>> week,
               BooleanSupplier hideAmounts, Clock clock, Executor ui) {
        this.states = Objects.requireNonNull(states);
        this.week = Objects.requireNonNull(week);
        this.hideAmounts = Objects.requireNonNull(hideAmounts);
        this.clock = Objects.requireNonNull(clock);
        this.ui = Objects.requireNonNull(ui);
    }

    /** The window to feed from now on. UI thread. */
    void attach(MainViewModel window) {
        this.window = Objects.requireNonNull(window);
    }

    boolean isAttached() {
        return window != null;
    }

    /** Reads every account's card contents now. io thread (blocking). */
    Cards read() {
        List<AccountState> now = states.get();
        Map<String, List<WeekSummary>> weeks = new HashMap<>();
        for (AccountState s : now) {
            weeks.put(s.target().id(), week.apply(s));
        }
        return new Cards(now, weeks);
    }

    /** Puts {@code cards} (and whether amounts are hidden) into the attached window. UI thread. */
    void apply(Cards cards) {
        MainViewModel w = window;
        if (w != null) {
            w.setHideAmounts(hideAmounts.getAsBoolean(), clock.instant());
            w.apply(cards.states(), cards.weeks(), clock.instant());
        }
    }

    /** What the empty window offers to import: providers with a key in the environment. UI thread. */
    void setImportOffer(List<String> providerNames) {
        MainViewModel w = window;
        if (w != null) {
            w.setImportOffer(providerNames);
        }
    }

    /** Every card again: accounts or preferences changed. io thread (blocking); a no-op without a window. */
    void showAll() {
        if (window != null) {
            Cards cards = read();
            ui.execute(() -> apply(cards));
        }
    }

    /** One account was polled. io thread (blocking); a no-op without a window. */
    void showOne(AccountState state) {
        MainViewModel w = window;
        if (w != null) {
            List<WeekSummary> weekOf = week.apply(state);
            ui.execute(() -> w.applyOne(state, weekOf, clock.instant()));
        }
    }

    /** A minute passed: ages on the cards move on. Any thread. */
    void tick() {
        MainViewModel w = window;
        if (w != null) {
            ui.execute(() -> w.tick(clock.instant()));
        }
    }

    /**
     * Refresh all through the window's cards, so each shows its progress. Any thread.
     *
     * @return false when there is no window (the caller refreshes without one)
     */
    boolean refreshAll() {
        MainViewModel w = window;
        if (w == null) {
            return false;
        }
        ui.execute(w::refreshAll);
        return true;
    }
}
