package dev.tally.hooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.alert.Alert;
import dev.tally.alert.Transition;
import dev.tally.core.Money;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a hook receives it: {@link #json()} on standard input and {@link #environment()} as variables. Holds
 * no key: alerts and transitions never carry one. Immutable.
 *
 * @param event     one of {@link #EVENTS}
 * @param account   the account id
 * @param label     the account's label
 * @param provider  the provider id
 * @param currency  ISO code of {@code amount} and {@code threshold}, or {@code null}
 * @param amount    the balance (low_balance; the estimate for estimate_low), or {@code null}
 * @param threshold the account's alert level (low_balance, estimate_low), or {@code null}
 * @param message   one line for people, as {@code tally watch} prints it
 * @param at        when it was raised
 */
public record HookEvent(String event, String account, String label, String provider, String currency, String amount,
                        String threshold, String message, Instant at) {
    public static final String LOW_BALANCE = "low_balance";
    public static final String EXHAUSTED = "exhausted";
    public static final String KEY_REJECTED = "key_rejected";
    public static final String RECOVERED = "recovered";
    public static final String FETCH_FAILED = "fetch_failed";
    /** The estimated balance (known top-up minus reported spend) went below the alert level; unverified. */
    public static final String ESTIMATE_LOW = "estimate_low";
    /** The estimated balance reached zero; unverified. */
    public static final String ESTIMATE_USED_UP = "estimate_used_up";
    /**
     * The balance fell more than the provider's reported usage explains (when spend checks are on); {@code amount} is
     * the difference.
     */
    public static final String SPEND_DISAGREES = "spend_disagrees";
    /** Every event a hook can be added for. */
    public static final List<String> EVENTS = List.of(LOW_BALANCE, EXHAUSTED, KEY_REJECTED, RECOVERED, FETCH_FAILED,
            ESTIMATE_LOW, ESTIMATE_USED_UP, SPEND_DISAGREES);

    public HookEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    public static HookEvent of(Alert alert, String provider, Instant at) {
        return switch (alert) {
            case Alert.LowBalance l -> new HookEvent(LOW_BALANCE, l.account(), l.label(), provider, l.balance().currency(),
                    plain(l.balance()), plain(l.threshold()), l.text(), at);
            case Alert.Exhausted e -> new HookEvent(EXHAUSTED, e.account(), e.label(), provider, e.currency(), null, null,
                    e.text(), at);
            case Alert.EstimateLow l -> new HookEvent(ESTIMATE_LOW, l.account(), l.label(), provider,
                    l.estimate().currency(), plain(l.estimate()), plain(l.threshold()), l.text(), at);
            case Alert.EstimateUsedUp u -> new HookEvent(ESTIMATE_USED_UP, u.account(), u.label(), provider, null, null,
                    null, u.text(), at);
            case Alert.SpendDisagrees d -> new HookEvent(SPEND_DISAGREES, d.account(), d.label(), provider,
                    d.difference().currency(), plain(d.difference()), null, d.text(), at);
            case Alert.KeyRejected k -> new HookEvent(KEY_REJECTED, k.account(), k.label(), provider, null, null, null,
                    k.text(), at);
        };
    }

    public static HookEvent of(Transition transition, String provider, Instant at) {
        return switch (transition) {
            case Transition.FetchFailed f -> new HookEvent(FETCH_FAILED, f.account(), f.label(), provider, null, null, null,
                    f.label() + ": " + f.failures() + " checks in a row failed — " + f.error().message(), at);
            case Transition.Recovered r -> new HookEvent(RECOVERED, r.account(), r.label(), provider, null, null, null,
                    r.label() + ": working again (ended: " + String.join(", ", r.ended()) + ")", at);
        };
    }

    private static String plain(Money m) {
        return m == null ? null : m.plain();
    }

    /** The event as one JSON object, fields always present ({@code null} when unknown). */
    public String json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("event", event);
        n.put("account", account);
        n.put("label", label);
        n.put("provider", provider);
        n.put("currency", currency);
        n.put("amount", amount);
        n.put("threshold", threshold);
        n.put("message", message);
        n.put("at", at.toString());
        return n.toString();
    }

    /** {@code TALLY_EVENT}, {@code TALLY_ACCOUNT}, {@code TALLY_PROVIDER}, and the amounts when known. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TALLY_EVENT", event);
        env.put("TALLY_ACCOUNT", account);
        env.put("TALLY_PROVIDER", provider);
        env.put("TALLY_CURRENCY", currency == null ? "" : currency);
        env.put("TALLY_AMOUNT", amount == null ? "" : amount);
        env.put("TALLY_THRESHOLD", threshold == null ? "" : threshold);
        return env;
    }
}
