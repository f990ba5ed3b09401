package dev.tally.desktop;

import dev.tally.alert.Alert;
import dev.tally.notify.Notice;
import dev.tally.status.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Alerts as notifications: a title naming the account ({@code DeepSeek (work) is low}), critical urgency for a
 * used-up balance or a rejected key (not for an estimate), a click opening the window at the account's card, and one notice per account
 * (a newer alert replaces the older). Alerts found by the first checks after start are held and shown as one
 * summary when those checks are done ({@link #startupDone()}), so a start does not burst into several notifications.
 *
 * <p>Thread-safe: alerts arrive on fetch threads, the start-up end on another.
 */
final class AlertNotices {
    /** The key of the start-up summary notice. */
    static final String SUMMARY_KEY = "tally-startup";

    private final Consumer<Notice> out;
    private final Consumer<String> openCard;
    private final List<Notice> held = new ArrayList<>();
    private boolean starting = true;

    /**
     * @param out      shows a notice
     * @param openCard opens the window at an account's card ({@code null}: no card, just the window)
     */
    AlertNotices(Consumer<Notice> out, Consumer<String> openCard) {
        this.out = Objects.requireNonNull(out, "out");
        this.openCard = Objects.requireNonNull(openCard, "openCard");
    }

    /** The notice for {@code alert}; with {@code hideAmounts} its text has no amount. */
    Notice notice(Alert alert, boolean hideAmounts) {
        String title = switch (alert) {
            case Alert.LowBalance l -> Phrase.NOTICE_LOW.say(l.label());
            case Alert.Exhausted e -> Phrase.NOTICE_USED_UP.say(e.label());
            case Alert.EstimateLow l -> Phrase.NOTICE_ESTIMATE_LOW.say(l.label());
            case Alert.EstimateUsedUp u -> Phrase.NOTICE_ESTIMATE_USED_UP.say(u.label());
            case Alert.SpendDisagrees d -> Phrase.NOTICE_SPEND_DISAGREES.say(d.label());
            case Alert.KeyRejected k -> k.lacksPermission() ? Phrase.NOTICE_KEY_LACKS_PERMISSION.say(k.label())
                    : Phrase.NOTICE_KEY_REJECTED.say(k.label());
        };
        // an estimate is unverified: only what the provider itself said is urgent
        boolean urgent = alert instanceof Alert.Exhausted || alert instanceof Alert.KeyRejected;
        String account = alert.account();
        return new Notice(account, title, hideAmounts ? alert.hiddenText() : alert.displayText(), urgent,
                () -> openCard.accept(account));
    }

    /** Shows the alert's notice, or holds it while the first checks after start are under way. Any thread. */
    void alert(Alert alert, boolean hideAmounts) {
        Notice n = notice(alert, hideAmounts);
        synchronized (this) {
            if (starting) {
                held.removeIf(h -> h.key().equals(n.key()));
                held.add(n);
                return;
            }
        }
        out.accept(n);
    }

    /**
     * The first checks after start are done (or took too long): shows what they found, one alert as itself, several
     * as one summary (urgent if any is) that opens the window. Later alerts are shown at once. Idempotent; any thread.
     */
    void startupDone() {
        List<Notice> found;
        synchronized (this) {
            if (!starting) {
                return;
            }
            starting = false;
            found = List.copyOf(held);
            held.clear();
        }
        if (found.size() == 1) {
            out.accept(found.getFirst());
        } else if (found.size() > 1) {
            List<String> lines = new ArrayList<>();
            boolean urgent = false;
            for (Notice n : found) {
                lines.add(n.body());
                urgent |= n.urgent();
            }
            out.accept(new Notice(SUMMARY_KEY, Phrase.NOTICE_SUMMARY.say(found.size()), String.join("\n", lines),
                    urgent, () -> openCard.accept(null)));
        }
    }
}
