package dev.tally.ui;

import dev.tally.core.CurrencyBalance;
import dev.tally.history.WeekSummary;
import dev.tally.status.AccountSummary;
import dev.tally.status.MoneyText;
import dev.tally.status.Phrase;
import dev.tally.status.State;
import dev.tally.poll.AccountState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The main window: a summary header (how many need attention, totals per currency), one card per account worst
 * first (then by label), the empty state ("Add your first account",
 * offering to import accounts for provider keys found in the environment), "Refresh all", and the footer
 * with the last check time. Threads: call everything on the UI executor.
 */
public final class MainViewModel {
    /** What the window can ask the app to do. Implementations must not block. */
    public interface Actions extends BalanceCardViewModel.Actions {
        void openSettings();

        /** Adds an account for each provider whose key variable is set; the engine then polls them. */
        void importFromEnvironment();

        /** Remembers the Compact toggle ({@code null}: automatic) in the preferences; must not block. */
        default void rememberCompact(Boolean choice) {
        }
    }

    /** More accounts than this and the window shows one line per account by itself (12 then fit at 380×560). */
    public static final int COMPACT_ABOVE = 4;


    private final Actions actions;
    private final Executor ui;
    private final ZoneId zone;
    private final ObservableList<BalanceCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<BalanceCardViewModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final Map<String, BalanceCardViewModel> byId = new HashMap<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper footer = new ReadOnlyStringWrapper(dev.tally.status.Phrase.WINDOW_NO_CHECKS.say());
    private final ReadOnlyStringWrapper importOffer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refreshingAll = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper attention = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needsAttention = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper compact = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<ChartViewModel> chart = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final java.time.Clock clock;
    /** The person's choice from the toggle; {@code null} lets the number of accounts decide. */
    private Boolean compactChoice;
    private boolean hideAmounts;

    public MainViewModel(Actions actions, Executor ui, ZoneId zone) {
        this(actions, ui, zone, java.time.Clock.systemUTC());
    }

    /** @param clock what "the last 30 days" of a chart are counted back from */
    public MainViewModel(Actions actions, Executor ui, ZoneId zone, java.time.Clock clock) {
        this.clock = clock;
        this.actions = actions;
        this.ui = ui;
        this.zone = zone;
    }

    /** Brings the cards in line with the engine's accounts (new ones added, removed ones dropped, order kept). */
    public void apply(List<AccountState> states, Map<String, List<WeekSummary>> weeks, Instant now) {
        List<BalanceCardViewModel> next = new ArrayList<>();
        Instant lastCheck = null;
        for (AccountState s : states) {
            BalanceCardViewModel card = byId.computeIfAbsent(s.target().id(), id -> {
                BalanceCardViewModel c = new BalanceCardViewModel(id, actions, ui, zone);
                c.setOnChart(this::openChart);
                return c;
            });
            card.update(s, weeks.getOrDefault(s.target().id(), List.of()), now, hideAmounts);
            next.add(card);
            if (s.lastPollAt() != null && (lastCheck == null || s.lastPollAt().isAfter(lastCheck))) {
                lastCheck = s.lastPollAt();
            }
        }
        byId.keySet().retainAll(next.stream().map(BalanceCardViewModel::id).toList());
        showOrdered(next);
        empty.set(next.isEmpty());
        footer.set(lastCheck == null ? dev.tally.status.Phrase.WINDOW_NO_CHECKS.say()
                : dev.tally.status.Phrase.WINDOW_LAST_CHECK.say(dev.tally.status.Ages.time(lastCheck, zone)));
    }

    /** Updates one account after a poll. */
    public void applyOne(AccountState s, List<WeekSummary> week, Instant now) {
        BalanceCardViewModel card = byId.get(s.target().id());
        if (card != null) {
            card.update(s, week, now, hideAmounts);
            showOrdered(new ArrayList<>(cards));
            if (s.lastPollAt() != null) {
                footer.set(dev.tally.status.Phrase.WINDOW_LAST_CHECK.say(dev.tally.status.Ages.time(s.lastPollAt(), zone)));
            }
        }
    }

    /** Provider names whose keys were found in the environment, offered in the empty state. */
    public void setImportOffer(List<String> providerNames) {
        importOffer.set(providerNames.isEmpty() ? ""
                : "Keys found in your environment for " + String.join(", ", providerNames) + ". Add them as accounts?");
    }

    /** The empty state's text, naming the providers as everywhere else ("Novita AI"). */
    public static String emptyText(List<String> providerNames) {
        String names = providerNames.size() < 2 ? String.join("", providerNames)
                : String.join(", ", providerNames.subList(0, providerNames.size() - 1)) + " and " + providerNames.getLast();
        return "Tally shows what is left on your " + names + " accounts. Keys stay in your system keychain.";
    }

    public void tick(Instant now) {
        cards.forEach(c -> c.tick(now));
        showOrdered(new ArrayList<>(cards));
    }

    public void setHideAmounts(boolean hide, Instant now) {
        hideAmounts = hide;
        cards.forEach(c -> c.setHideAmounts(hide, now));
        showOrdered(new ArrayList<>(cards));
    }

    /** Worst first (error, empty, low, stale, then the rest), then by label; and the summary header to match. */
    private void showOrdered(List<BalanceCardViewModel> next) {
        next.sort(java.util.Comparator.comparing(BalanceCardViewModel::summary,
                java.util.Comparator.nullsLast(AccountSummary.WORST_FIRST)));
        if (!cards.equals(next)) {
            cards.setAll(next);
        }
        List<AccountSummary> all = next.stream().map(BalanceCardViewModel::summary).filter(java.util.Objects::nonNull).toList();
        long need = all.stream().filter(a -> a.state().needsAttention()).count();
        boolean checking = !all.isEmpty() && all.stream().allMatch(a -> a.state() == State.NO_DATA);
        attention.set(all.isEmpty() ? "" : need == 1 ? Phrase.WINDOW_ATTENTION_ONE.say(all.size())
                : need > 1 ? Phrase.WINDOW_ATTENTION.say(need, all.size())
                : checking ? Phrase.WINDOW_CHECKING.say(all.size())
                : all.size() == 1 ? Phrase.WINDOW_ALL_OK_ONE.say() : Phrase.WINDOW_ALL_OK.say(all.size()));
        totals.set(totalsText(all, hideAmounts));
        compact.set(compactChoice != null ? compactChoice : next.size() > COMPACT_ABOVE);
        needsAttention.set(need > 0);
    }

    /**
     * "Total ¥113.10 · $79.80": the balances shown, added up per currency in the order they first appear, never
     * converted; empty when there is no balance.
     */
    static String totalsText(List<AccountSummary> accounts, boolean hide) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (AccountSummary a : accounts) {
            if (a.value() != null) {
                for (CurrencyBalance b : a.value().balances()) {
                    sums.merge(b.currency(), b.total(), BigDecimal::add);
                }
            }
        }
        if (sums.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        sums.forEach((c, v) -> parts.add(MoneyText.shown(v, c, hide)));
        return Phrase.WINDOW_TOTALS.say(String.join(" · ", parts));
    }

    /** "3 of 12 need attention", "All 12 accounts ok"; empty without accounts. */
    public ReadOnlyStringProperty attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** True while any account needs attention (the header is styled as a warning). */
    public ReadOnlyBooleanProperty needsAttentionProperty() {
        return needsAttention.getReadOnlyProperty();
    }

    /** "Total ¥113.10 · $79.80" per currency, never converted; empty when no balance is shown. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /**
     * Refreshes every card: each shows its own progress until its answer arrives (a card already refreshing is
     * joined, not asked twice); {@link #refreshingAllProperty()} is true until the last one is in.
     */
    public void refreshAll() {
        if (refreshingAll.get() || cards.isEmpty()) {
            return;
        }
        refreshingAll.set(true);
        CompletableFuture<?>[] each = cards.stream().map(c -> c.refresh().toCompletableFuture()).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(each).whenComplete((r, e) -> ui.execute(() -> refreshingAll.set(false)));
    }

    public void openSettings() {
        actions.openSettings();
    }

    /** Shows the 30-day chart of {@code card} in the window, in place of the cards. */
    void openChart(BalanceCardViewModel card) {
        chart.set(card.chart(clock.instant()));
    }

    /** Back from the chart to the accounts. */
    public void closeChart() {
        chart.set(null);
    }

    /** The chart shown in place of the cards, or {@code null} when the cards are shown. */
    public javafx.beans.property.ReadOnlyObjectProperty<ChartViewModel> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The choice saved in the preferences, on start: {@code true}/{@code false}, or {@code null} for automatic. */
    public void setCompactChoice(Boolean choice) {
        compactChoice = choice;
        compact.set(choice != null ? choice : cards.size() > COMPACT_ABOVE);
    }

    /** The window's Compact toggle: the other mode from now on, remembered in the preferences. */
    public void toggleCompact() {
        setCompactChoice(!compact.get());
        actions.rememberCompact(compactChoice);
    }

    /** One line per account: chosen with the toggle, else on by itself for more than {@link #COMPACT_ABOVE} accounts. */
    public ReadOnlyBooleanProperty compactProperty() {
        return compact.getReadOnlyProperty();
    }

    /** "One line per account; on by itself for more than 4 accounts". */
    public static String compactHint() {
        return Phrase.WINDOW_COMPACT_HINT.say(COMPACT_ABOVE);
    }

    public void importFromEnvironment() {
        actions.importFromEnvironment();
    }

    public ObservableList<BalanceCardViewModel> cards() {
        return cardsView;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty footerProperty() {
        return footer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importOfferProperty() {
        return importOffer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingAllProperty() {
        return refreshingAll.getReadOnlyProperty();
    }
}
