package dev.tally.ui;

import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The main window: one card per account in account order, the empty state ("Add your first account",
 * offering to import accounts for provider keys found in the environment), "Refresh all", and the footer
 * with the last check time. Threads: call everything on the UI executor.
 */
public final class MainViewModel {
    /** What the window can ask the app to do. Implementations must not block. */
    public interface Actions extends BalanceCardViewModel.Actions {
        void openSettings();

        /** Adds an account for each provider whose key variable is set; the engine then polls them. */
        void importFromEnvironment();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Actions actions;
    private final Executor ui;
    private final ZoneId zone;
    private final ObservableList<BalanceCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<BalanceCardViewModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final Map<String, BalanceCardViewModel> byId = new HashMap<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper footer = new ReadOnlyStringWrapper("No checks yet");
    private final ReadOnlyStringWrapper importOffer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refreshingAll = new ReadOnlyBooleanWrapper(false);
    private boolean hideAmounts;

    public MainViewModel(Actions actions, Executor ui, ZoneId zone) {
        this.actions = actions;
        this.ui = ui;
        this.zone = zone;
    }

    /** Brings the cards in line with the engine's accounts (new ones added, removed ones dropped, order kept). */
    public void apply(List<AccountState> states, Map<String, List<WeekSummary>> weeks, Instant now) {
        List<BalanceCardViewModel> next = new ArrayList<>();
        Instant lastCheck = null;
        for (AccountState s : states) {
            BalanceCardViewModel card = byId.computeIfAbsent(s.target().id(), id -> new BalanceCardViewModel(id, actions, ui, zone));
            card.update(s, weeks.getOrDefault(s.target().id(), List.of()), now, hideAmounts);
            next.add(card);
            if (s.lastPollAt() != null && (lastCheck == null || s.lastPollAt().isAfter(lastCheck))) {
                lastCheck = s.lastPollAt();
            }
        }
        byId.keySet().retainAll(next.stream().map(BalanceCardViewModel::id).toList());
        if (!cards.equals(next)) {
            cards.setAll(next);
        }
        empty.set(next.isEmpty());
        footer.set(lastCheck == null ? "No checks yet" : "Last check " + TIME.format(lastCheck.atZone(zone)));
    }

    /** Updates one account after a poll. */
    public void applyOne(AccountState s, List<WeekSummary> week, Instant now) {
        BalanceCardViewModel card = byId.get(s.target().id());
        if (card != null) {
            card.update(s, week, now, hideAmounts);
            if (s.lastPollAt() != null) {
                footer.set("Last check " + TIME.format(s.lastPollAt().atZone(zone)));
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
    }

    public void setHideAmounts(boolean hide, Instant now) {
        hideAmounts = hide;
        cards.forEach(c -> c.setHideAmounts(hide, now));
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
