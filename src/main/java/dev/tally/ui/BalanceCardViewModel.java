package dev.tally.ui;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import dev.tally.poll.Health;
import dev.tally.estimate.EstimatedBalance;
import dev.tally.provider.ProviderLinks;
import dev.tally.status.AccountSummary;
import dev.tally.status.Ages;
import dev.tally.status.State;
import dev.tally.status.Estimates;
import dev.tally.status.Levels;
import dev.tally.status.Caveats;
import dev.tally.status.MoneyText;
import dev.tally.status.Phrase;
import dev.tally.status.Problem;
import dev.tally.status.Remedies;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One account's card: amounts per currency, breakdown, status badge, age, refresh state, and the
 * estimated-spend sparkline with its total and runway. No nodes; tested without a toolkit.
 *
 * <p>Threads: {@link #update}, {@link #tick} and the commands must be called on the UI executor (the FX
 * thread in the app); completions of background work come back through that executor.
 */
public final class BalanceCardViewModel {
    /** The badge's kind, used as a CSS style class suffix. {@code LOW}: live, but below the account's alert. */
    public enum Badge { LIVE, LOW, EMPTY, STALE, ERROR, PENDING, NO_KEY, UNSUPPORTED }

    /** What a large amount on the card is; the view styles each kind apart (a spend must not look like a balance). */
    public enum AmountKind {
        /** What the account holds in one currency. */
        BALANCE,
        /** What is left under a key's own spending limit (OpenRouter's ordinary keys), or "No limit". */
        KEY,
        /** Money already spent, reported by the provider (OpenAI, Anthropic). */
        SPEND,
        /** What is probably left: the person's known top-up minus the reported spend; unverified, never a balance. */
        ESTIMATE
    }

    /**
     * One large amount on the card.
     *
     * @param amount    e.g. "¥110.00" (or "•••" when amounts are hidden; "No limit" for an unlimited key)
     * @param code      ISO code, e.g. "CNY"; empty when {@code amount} is not money
     * @param caption   what the number is, said right by it: "spent this month", "left on this key",
     *                  "credits left"; empty for a plain balance
     * @param breakdown e.g. "paid ¥100.00 · granted ¥10.00", "Key limit $100.00 · resets monthly", or empty
     * @param assumed   the currency was derived from the region, not stated by the provider
     * @param low       below the account's low-balance threshold
     * @param kind      balance, key remaining or spend
     * @param empty     used up (at or below zero): red, as the tray's ⊘ and the "used up" notification
     * @param credit    a postpaid credit line on a line of its own ("credit limit $20.00 (postpaid)"), or empty
     * @param creditHint what the credit line means, for its tooltip, or empty
     */
    public record AmountLine(String amount, String code, String caption, String breakdown, boolean assumed, boolean low,
                             AmountKind kind, boolean empty, String credit, String creditHint) {
        public AmountLine(String amount, String code, String caption, String breakdown, boolean assumed, boolean low,
                          AmountKind kind) {
            this(amount, code, caption, breakdown, assumed, low, kind, false, "", "");
        }
    }

    /** Spend is shown once the snapshots cover this long; before, a few seconds of data would read as a week. */
    public static final Duration MIN_SPEND_COVERAGE = Duration.ofHours(1);

    /** What the card can ask the app to do. Implementations must not block. */
    public interface Actions {
        CompletionStage<?> refresh(String accountId);

        void editKey(String accountId);

        /** Opens a provider's web page (console, top-up) in the host's browser. */
        default void open(java.net.URI page) {
        }

        /** Whether {@link #open} can reach a browser here; the links are hidden when it cannot. */
        default boolean canOpen() {
            return false;
        }

        /** The stored daily rollups of one account and currency for the UTC dates {@code from..to}; off the UI thread. */
        default CompletionStage<List<dev.tally.history.DailyRollup>> history(String accountId, String currency,
                                                                            java.time.LocalDate from, java.time.LocalDate to) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private final String id;
    private final Actions actions;
    private final Executor ui;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ObservableList<AmountLine> amounts = FXCollections.observableArrayList();
    /** One read-only view, made once: views listen to it, and a fresh wrapper per call would be collected. */
    private final ObservableList<AmountLine> amountsView = FXCollections.unmodifiableObservableList(amounts);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Badge> badge = new ReadOnlyObjectWrapper<>(Badge.PENDING);
    private final ReadOnlyStringWrapper badgeText = new ReadOnlyStringWrapper(Phrase.BADGE_PENDING.say());
    private final ReadOnlyStringWrapper badgeDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canEditKey = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(false);
    /** The spend sparkline, its labels, total and runway. */
    private final CardSpend spend;
    private java.util.function.Consumer<BalanceCardViewModel> onChart;
    private final ReadOnlyStringWrapper lowText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProviderLinks> links = new ReadOnlyObjectWrapper<>();
    private final ZoneId zone;
    /** The refresh in flight, so "Refresh all" can wait for it; {@code null} when idle. */
    private CompletableFuture<Void> inFlight;

    private AccountState state;
    private AccountSummary summary;
    private List<WeekSummary> week = List.of();
    private boolean hideAmounts;

    public BalanceCardViewModel(String id, Actions actions, Executor ui) {
        this(id, actions, ui, ZoneId.systemDefault());
    }

    /** @param zone where "since Mon 14:05" is told */
    public BalanceCardViewModel(String id, Actions actions, Executor ui, ZoneId zone) {
        this.id = id;
        this.actions = actions;
        this.ui = ui;
        this.zone = zone;
        this.spend = new CardSpend(zone);
    }

    public String id() {
        return id;
    }

    /** New facts from the engine (already fetched/read off the UI thread). */
    public void update(AccountState newState, List<WeekSummary> newWeek, Instant now, boolean hide) {
        this.state = newState;
        this.week = newWeek == null ? List.of() : List.copyOf(newWeek);
        this.hideAmounts = hide;
        render(now);
    }

    /** Re-renders relative times ("3 min ago", "Stale 25 min") without new data. */
    public void tick(Instant now) {
        if (state != null) {
            render(now);
        }
    }

    public void setHideAmounts(boolean hide, Instant now) {
        this.hideAmounts = hide;
        tick(now);
    }

    /**
     * Fetch now; shows progress until the result (or error) arrives. A refresh while one is in flight joins it.
     *
     * @return completes (on the UI executor) once the progress is gone
     */
    public CompletionStage<Void> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight = done;
        refreshing.set(true);
        actions.refresh(id).whenComplete((r, e) -> ui.execute(() -> {
            inFlight = null;
            refreshing.set(false);
            done.complete(null);
        }));
        return done;
    }

    public void editKey() {
        actions.editKey(id);
    }

    /** Where {@link #openChart} goes (the main window's view model); {@code null}: nowhere. */
    void setOnChart(java.util.function.Consumer<BalanceCardViewModel> show) {
        this.onChart = show;
    }

    /** The sparkline was clicked: the larger 30-day chart, in the window. Nothing while no sparkline is drawn. */
    public void openChart() {
        if (onChart != null && spend.showSparkline.get() && state != null && state.target().accountId() != null) {
            onChart.accept(this);
        }
    }

    /** A chart of the last 30 days in the sparkline's currency, its history read through the actions. */
    ChartViewModel chart(Instant now) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        return new ChartViewModel(state.target().label(), spend.currency(), actions.history(state.target().accountId(),
                spend.currency(), ChartViewModel.from(today), today), ui);
    }

    /** Opens the provider's console for this account; nothing when there is no link. */
    public void openConsole() {
        if (links.get() != null) {
            actions.open(links.get().console());
        }
    }

    /** Opens the provider's top-up page; nothing when there is none. */
    public void addCredits() {
        if (links.get() != null && links.get().topUp() != null) {
            actions.open(links.get().topUp());
        }
    }

    private void render(Instant now) {
        AccountState s = state;
        title.set(s.target().label());
        links.set(actions.canOpen() ? ProviderLinks.of(s.target().info().id(), s.target().target().region()).orElse(null) : null);
        subtitle.set(subtitle(s));
        BalanceSnapshot value = s.lastGood();
        Money threshold = s.target().account() == null ? null : s.target().account().threshold();

        List<AmountLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (value != null) {
            KeyLimit k = value.keyLimit();
            for (CurrencyBalance b : value.balances()) {
                List<String> parts = new ArrayList<>();
                if (b.paid() != null) {
                    parts.add(Phrase.CARD_PAID.say(money(b.paid(), b.currency())));
                }
                if (b.granted() != null) {
                    parts.add(Phrase.CARD_GRANTED.say(money(b.granted(), b.currency())));
                }
                // postpaid credit is not money paid in: a line of its own, explained on hover, never beside "paid"
                boolean credit = b.creditLimit() != null && b.creditLimit().signum() != 0;
                String limit = credit ? money(b.creditLimit(), b.currency()) : "";
                lines.add(new AmountLine(money(b.total(), b.currency()), b.currency(),
                        // beside a key's own limit, say which number is the account's
                        k != null ? Phrase.CARD_CREDITS_LEFT.say() : "", String.join(" · ", parts), b.currencyAssumed(),
                        below(b.total(), b.currency(), threshold), AmountKind.BALANCE, Levels.empty(b.total()),
                        credit ? Phrase.CARD_CREDIT_LIMIT_POSTPAID.say(limit) : "",
                        credit ? Phrase.CARD_CREDIT_LIMIT_HINT.say(s.target().info().displayName(), limit) : ""));
            }
            EstimatedBalance estimate = Estimates.of(s.target().account(), value);
            String provider = s.target().info().displayName();
            if (estimate instanceof EstimatedBalance.Known e) {
                lines.add(new AmountLine(Estimates.amount(e, hideAmounts), e.amount().currency(),
                        Phrase.ESTIMATE_CAPTION.say(), Estimates.basis(e, hideAmounts), false,
                        Estimates.below(e, threshold), AmountKind.ESTIMATE, e.usedUp(), "", ""));
                if (e.usedUp()) {
                    notes.add(Phrase.ESTIMATE_USED_UP.say());
                }
                String counted = Estimates.countedFrom(e, provider);
                if (counted != null) {
                    notes.add(counted);
                }
                if (s.stale(now)) {
                    notes.add(Phrase.ESTIMATE_STALE.say(Ages.ago(value.fetchedAt(), now)));
                }
            } else if (estimate instanceof EstimatedBalance.Refused r) {
                notes.add(Phrase.ESTIMATE_NONE.say(Estimates.reason(r, provider)));
            }
            if (value.spend() != null) {
                Money spent = value.spend().amount();
                lines.add(new AmountLine(money(spent.amount(), spent.currency()), spent.currency(),
                        Phrase.CARD_SPENT_THIS_MONTH.say(), Phrase.CARD_REPORTED_BY.say(s.target().info().displayName()), false, false, AmountKind.SPEND));
            }
            if (k != null) {
                lines.add(keyLine(k, threshold));
            }
            if (Boolean.FALSE.equals(value.available())) {
                notes.add(Phrase.CARD_NOT_AVAILABLE.say());
            }
            if (value.partial()) {
                notes.add(Phrase.TITLED.say(Problem.of(value.problem()).title(), Remedies.desktop(value.problem())));
            }
            for (WeekSummary w : week) {
                if (w.reconciliation() != null && w.reconciliation().disagrees()) {
                    notes.add(Phrase.RECONCILE_DISAGREE.say(money(w.reconciliation().difference().abs(), w.currency()),
                            Ages.weekdayTime(w.reconciliation().since(), zone)));
                }
            }
            notes.addAll(Caveats.sentences(value, now));
        }
        amounts.setAll(lines);
        note.set(String.join("\n", notes));
        // a used-up amount says so in red (badge, amount); "below your alert" in amber would understate it
        boolean low = lines.stream().anyMatch(l -> l.low() && !l.empty());
        lowText.set(!low ? "" : hideAmounts || threshold == null ? Phrase.CARD_LOW_HIDDEN.say()
                : Phrase.CARD_LOW.say(MoneyText.shown(threshold, false)));

        Health health = s.health(now);
        FetchError error = s.lastError();
        stale.set(s.stale(now));
        AccountSummary sum = AccountSummary.of(s, now);
        summary = sum;
        if (sum.state() == State.EMPTY) {
            // the same state, colour and meaning as the tray's mark and the "used up" notification
            setBadge(Badge.EMPTY, Phrase.BADGE_EMPTY.say(), (sum.balanceUsedUp() ? Phrase.BADGE_DETAIL_EMPTY
                    : Phrase.BADGE_DETAIL_EMPTY_ESTIMATE).say(Ages.ago(value.fetchedAt(), now)));
        } else if (sum.state() == State.ERROR && error == null && value != null) {
            setBadge(Badge.ERROR, Phrase.BADGE_ERROR.say(sum.problem()), Phrase.CARD_NOT_AVAILABLE.say());
        } else if (sum.state() == State.STALE && error != null && value != null) {
            // a passing failure with a value shown: stale, as the tray's clock says, not a red error
            setBadge(Badge.STALE, Phrase.BADGE_STALE_FAILED.say(Problem.of(error).label()), Remedies.desktop(error));
        } else switch (health) {
            case LIVE -> {
                if (low) {
                    setBadge(Badge.LOW, Phrase.BADGE_LOW.say(),
                            Phrase.BADGE_DETAIL_LOW.say(lowText.get(), Ages.ago(value.fetchedAt(), now)));
                } else {
                    setBadge(Badge.LIVE, Phrase.BADGE_LIVE.say(), Phrase.BADGE_DETAIL_LIVE.say(Ages.ago(value.fetchedAt(), now)));
                }
            }
            case STALE -> setBadge(Badge.STALE, Phrase.BADGE_STALE.say(Ages.since(value.fetchedAt(), now)),
                    Phrase.BADGE_DETAIL_STALE.say(Ages.ago(value.fetchedAt(), now)));
            case ERROR -> setBadge(Badge.ERROR, Phrase.BADGE_ERROR.say(Problem.of(error).label()), Remedies.desktop(error));
            case NO_KEY -> setBadge(Badge.NO_KEY, Phrase.BADGE_NO_KEY.say(), Remedies.desktop(error));
            case UNSUPPORTED -> setBadge(Badge.UNSUPPORTED, Phrase.BADGE_UNSUPPORTED.say(), Remedies.desktop(error));
            case PENDING -> setBadge(Badge.PENDING, Phrase.BADGE_PENDING.say(), Phrase.BADGE_DETAIL_PENDING.say());
        }
        AccountStatus st = s.lastStatus();
        canEditKey.set(st == AccountStatus.AUTH_FAILED || st == AccountStatus.FORBIDDEN || st == AccountStatus.NO_KEY
                || value != null && (value.problem() instanceof FetchError.AuthFailed
                || value.problem() instanceof FetchError.Forbidden));
        reason.set(error == null || health != Health.ERROR && health != Health.NO_KEY && health != Health.UNSUPPORTED
                ? "" : reason(error, s));
        updated.set(updatedText(s, value, lines, now));
        spend.render(week, value, now, hideAmounts, s.target().info().displayName());
        if (spend.runwayText.get().isEmpty() && Estimates.of(s.target().account(), value) instanceof EstimatedBalance.Known e
                && Estimates.runwayDays(e) != null) {
            // no balance history to measure a pace from: the pace of the reported spend since the top-up
            spend.runwayText.set(Phrase.ESTIMATE_RUNWAY.say(Estimates.runwayDays(e)));
        }
    }

    /**
     * "updated 3 min ago"; after a failed check "last check failed 12 min ago — showing ¥3.10 from 14:05" (the older
     * good value is still there), never "not updated yet" while there is one.
     */
    private String updatedText(AccountState s, BalanceSnapshot value, List<AmountLine> lines, Instant now) {
        if (s.lastError() != null && s.lastPollAt() != null && !(s.lastError() instanceof FetchError.Unsupported)) {
            String failed = Ages.ago(s.lastPollAt(), now);
            if (value == null) {
                return Phrase.CARD_LAST_FAILED_NOTHING.say(failed);
            }
            String from = fetchedAt(value.fetchedAt(), now);
            return hideAmounts || lines.isEmpty() ? Phrase.CARD_LAST_FAILED_HIDDEN.say(failed, from)
                    : Phrase.CARD_LAST_FAILED.say(failed, lines.getFirst().amount(), from);
        }
        return value == null ? Phrase.CARD_NOT_UPDATED.say() : Phrase.CARD_UPDATED.say(Ages.ago(value.fetchedAt(), now));
    }

    /** "14:05" today, "Mon 14:05" within a week, "12 Nov 14:05" before, in the card's zone. */
    private String fetchedAt(Instant at, Instant now) {
        java.time.ZonedDateTime t = at.atZone(zone);
        java.time.ZonedDateTime n = now.atZone(zone);
        if (t.toLocalDate().equals(n.toLocalDate())) {
            return Ages.time(at, zone);
        }
        return Duration.between(at, now).compareTo(Duration.ofDays(6)) < 0 ? Ages.weekdayTime(at, zone) : Ages.dayTime(at, zone);
    }

    /** This account as the tray and every front end see it (state, worst-first order); {@code null} before the first update. */
    public AccountSummary summary() {
        return summary;
    }

    /** "DeepSeek · China": the provider unless the label already says it, and the region as Settings names it. */
    private static String subtitle(AccountState s) {
        List<String> parts = new ArrayList<>();
        String provider = s.target().info().displayName();
        if (!s.target().label().strip().equalsIgnoreCase(provider)) {
            parts.add(provider);
        }
        String region = s.target().target().region();
        if (region != null && !region.isEmpty()) {
            parts.add(region.substring(0, 1).toUpperCase(Locale.ROOT) + region.substring(1));
        }
        return String.join(" · ", parts);
    }

    /** One line on the card body saying what went wrong and what to do; the provider's full words are in the tooltip. */
    private static String reason(FetchError error, AccountState s) {
        return Problem.of(error).cardReason(s.target().info().displayName(),
                !s.target().info().selectableRegions().isEmpty());
    }

    /** The key's own limit as a large amount: what is left on it, or "No limit"; the limit and reset below. */
    private AmountLine keyLine(KeyLimit k, Money threshold) {
        String used = k.usage() == null ? "" : Phrase.CARD_KEY_USED.say(money(k.usage(), k.currency()));
        if (k.unlimited()) {
            return new AmountLine(Phrase.CARD_KEY_NO_LIMIT.say(), "", Phrase.CARD_ON_THIS_KEY.say(), used,
                    k.usage() != null && k.currencyAssumed(), false, AmountKind.KEY);
        }
        BigDecimal left = k.remaining() != null ? k.remaining()
                : k.usage() != null ? k.limit().subtract(k.usage()) : null;
        String limit = k.reset() == null ? Phrase.CARD_KEY_LIMIT.say(money(k.limit(), k.currency()))
                : Phrase.CARD_KEY_LIMIT_RESETS.say(money(k.limit(), k.currency()), k.reset());
        if (left == null) {
            return new AmountLine("?", k.currency(), Phrase.CARD_LEFT_ON_KEY_UNKNOWN.say(), limit, k.currencyAssumed(),
                    false, AmountKind.KEY);
        }
        return new AmountLine(money(left, k.currency()), k.currency(), Phrase.CARD_LEFT_ON_KEY.say(), limit, k.currencyAssumed(),
                below(left, k.currency(), threshold), AmountKind.KEY, Levels.empty(left), "", "");
    }

    private static boolean below(BigDecimal amount, String currency, Money threshold) {
        return threshold != null && threshold.currency().equals(currency) && amount.compareTo(threshold.amount()) < 0;
    }

    private void setBadge(Badge kind, String text, String detail) {
        badge.set(kind);
        badgeText.set(text);
        badgeDetail.set(detail == null ? "" : sentence(detail));
    }

    /**
     * Engine messages are clauses ("the key was rejected by …"); a tooltip reads as a sentence. Only a first word of
     * plain letters is capitalized: a host name ("api.deepseek.com 拒绝了该密钥") or an id keeps its case.
     */
    static String sentence(String clause) {
        int end = clause.indexOf(' ');
        String first = end < 0 ? clause : clause.substring(0, end);
        if (first.isEmpty() || !first.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return clause;
        }
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    private String money(BigDecimal amount, String currency) {
        return MoneyText.shown(amount, currency, hideAmounts);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Read-only view of the amounts, one per currency, in a stable order. */
    public ObservableList<AmountLine> amounts() {
        return amountsView;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Badge> badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty badgeTextProperty() {
        return badgeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty badgeDetailProperty() {
        return badgeDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canEditKeyProperty() {
        return canEditKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** Spend per 6-hour bucket over 7 days; {@code null} entries are gaps (no data), not zero. */
    public ReadOnlyObjectProperty<List<Double>> sparklineProperty() {
        return spend.sparkline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spendTextProperty() {
        return spend.spendText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runwayTextProperty() {
        return spend.runwayText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSpendProperty() {
        return spend.hasSpend.getReadOnlyProperty();
    }

    /** "last 7 days", under the sparkline; empty when no sparkline is drawn. */
    public ReadOnlyStringProperty sparkRangeProperty() {
        return spend.range.getReadOnlyProperty();
    }

    /** "min ¥0.00 · max ¥4.10 per 6 h", in the account's currency; empty when no sparkline is drawn. */
    public ReadOnlyStringProperty sparkMinMaxProperty() {
        return spend.minMax.getReadOnlyProperty();
    }

    /** What the sparkline's point {@code index} says under the pointer ("Sat 06:00: ¥1.20 spent"), or empty for a gap. */
    public String sparkPoint(int index) {
        return spend.point(index);
    }

    /** The currency of the sparkline (the card's main amount's), or {@code null} when there is none. */
    public String sparkCurrency() {
        return spend.currency();
    }

    /** The sparkline is drawn: there is spend to show and amounts are not hidden. */
    public ReadOnlyBooleanProperty showSparklineProperty() {
        return spend.showSparkline.getReadOnlyProperty();
    }

    /** "Below your ¥5.00 alert" ("Below your alert" when amounts are hidden) while an amount is below it, else empty. */
    public ReadOnlyStringProperty lowTextProperty() {
        return lowText.getReadOnlyProperty();
    }

    /** What went wrong, in one line on the card ("Key rejected — check the key or region"); empty when nothing did. */
    /** The provider's console and top-up pages, or {@code null} when there are none (or no browser to open them). */
    public ReadOnlyObjectProperty<ProviderLinks> linksProperty() {
        return links.getReadOnlyProperty();
    }

    /** "Open DeepSeek's console in the browser". */
    public String consoleHint() {
        return Phrase.CARD_OPEN_CONSOLE_HINT.say(state == null ? "" : state.target().info().displayName());
    }

    /** "Open DeepSeek's top-up page in the browser". */
    public String topUpHint() {
        return Phrase.CARD_ADD_CREDITS_HINT.say(state == null ? "" : state.target().info().displayName());
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }
}
