package dev.tally.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.poll.FetchOutcome;
import dev.tally.provider.JsonTrees;
import dev.tally.estimate.EstimatedBalance;
import dev.tally.status.CommandLineText;
import dev.tally.status.Estimates;
import dev.tally.status.Levels;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@code tally balance --json} document (architecture.md §3). Money is always a decimal string. */
public final class BalanceJson {
    /**
     * The version of every JSON document the command line prints (docs/json.md, docs/schema/tally.schema.json): the
     * first field of each. It goes up when a field is removed or changes meaning; new fields do not change it.
     */
    public static final int SCHEMA_VERSION = 1;

    private BalanceJson() {
    }

    public static String render(Instant checkedAt, List<FetchOutcome> outcomes) {
        ObjectNode root = document();
        root.put("checkedAt", checkedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode list = root.putArray("accounts");
        for (FetchOutcome o : outcomes) {
            account(list.addObject(), o);
        }
        // Jackson's pretty printer without its ObjectMapper (JsonTrees), the same text
        return JsonTrees.pretty(root);
    }

    /** A new document: {@code {"schemaVersion": 1, …}}. */
    static ObjectNode document() {
        ObjectNode doc = JsonTrees.object();
        doc.put("schemaVersion", SCHEMA_VERSION);
        return doc;
    }

    /** {@code tree} (an object) as a document: {@code schemaVersion} first, then its fields in their order. */
    static ObjectNode document(com.fasterxml.jackson.databind.JsonNode tree) {
        ObjectNode doc = document();
        tree.properties().forEach(e -> doc.set(e.getKey(), e.getValue()));
        return doc;
    }

    /**
     * {@code "threshold"} ({@code {amount, currency}} or null), {@code "low"} (a reported amount or the estimate below
     * it) and {@code "empty"} (what was reported, or the estimate, at or below zero), by {@link Levels}.
     */
    static void levels(ObjectNode n, BalanceSnapshot s, dev.tally.core.Money threshold, EstimatedBalance estimate) {
        if (threshold == null) {
            n.putNull("threshold");
        } else {
            ObjectNode t = n.putObject("threshold");
            t.put("amount", threshold.plain());
            t.put("currency", threshold.currency());
        }
        n.put("low", Levels.low(s, threshold) || Levels.low(estimate, threshold));
        n.put("empty", Levels.empty(s) || Levels.empty(estimate));
    }

    static void account(ObjectNode n, FetchOutcome o) {
        BalanceSnapshot s = o instanceof FetchOutcome.Success ok ? ok.snapshot() : null;
        // a partial answer is status ok with what was fetched; its message says which key failed and what is missing
        // JSON is for scripts: its messages stay English whatever language the text speaks
        String message = dev.tally.core.Messages.inEnglish(() -> o instanceof FetchOutcome.Failure f
                ? CommandLineText.message(f.error())
                : s != null && s.partial() ? CommandLineText.message(s.problem()) : null);
        boolean asked = o.status() != AccountStatus.UNSUPPORTED && o.status() != AccountStatus.NO_KEY;
        account(n, o.target().id(), o.target().info().id().value(), o.target().label(), o.status().jsonName(), message,
                s, asked ? "provider" : null);
        estimate(n, Estimates.of(o.target().account(), s), o.target().info().displayName(), false);
    }

    /**
     * {@code "estimatedBalance"}, only for an account with a known top-up (so documents without one are unchanged):
     * {@code {amount, currency, state, stale, basis: {topup, topupAt, reportedSpend, since, to, countedFromNextDay}}}
     * with decimal strings in {@code currency}; {@code state} is {@code estimated}, {@code used-up} or {@code none}
     * (then {@code amount} and {@code basis} are null and {@code reason} says why). Never a reported balance.
     */
    static void estimate(ObjectNode n, EstimatedBalance e, String provider, boolean stale) {
        if (e == null) {
            return;
        }
        ObjectNode en = n.putObject("estimatedBalance");
        switch (e) {
            case EstimatedBalance.Known k -> {
                en.put("amount", k.amount().plain());
                en.put("currency", k.amount().currency());
                en.put("state", k.usedUp() ? "used-up" : "estimated");
                en.put("stale", stale);
                ObjectNode b = en.putObject("basis");
                b.put("topup", k.topUp().amount().plain());
                b.put("topupAt", k.topUp().at().toString());
                b.put("reportedSpend", k.reportedSpend().plain());
                b.put("since", k.since().toString());
                b.put("to", k.spendTo().truncatedTo(ChronoUnit.SECONDS).toString());
                b.put("countedFromNextDay", k.bucketEnd());
                en.putNull("reason");
            }
            case EstimatedBalance.Refused r -> {
                en.putNull("amount");
                en.put("currency", r.topUpCurrency());
                en.put("state", "none");
                en.put("stale", stale);
                en.putNull("basis");
                en.put("reason", Estimates.reason(r, provider));
            }
        }
    }

    /**
     * One account object with every contract field, in the contract's order, whatever is known: {@code id,
     * provider, label, status, message, available, balances, spend, keyLimit, source}; unknown values are
     * {@code null} ({@code balances} an empty list).
     *
     * @param s the snapshot to show, or {@code null} when there is none
     */
    static void account(ObjectNode n, String id, String provider, String label, String status, String message,
                        BalanceSnapshot s, String source) {
        n.put("id", id);
        n.put("provider", provider);
        n.put("label", label);
        n.put("status", status);
        n.put("message", message);
        if (s != null && s.available() != null) {
            n.put("available", s.available());
        } else {
            n.putNull("available");
        }
        ArrayNode balances = n.putArray("balances");
        if (s != null) {
            for (CurrencyBalance b : s.balances()) {
                ObjectNode bn = balances.addObject();
                bn.put("currency", b.currency());
                bn.put("total", b.total().toPlainString());
                putMoney(bn, "granted", b.granted());
                putMoney(bn, "paid", b.paid());
                bn.put("currencyAssumed", b.currencyAssumed());
            }
        }
        if (s != null && s.spend() != null) {
            ObjectNode sp = n.putObject("spend");
            sp.put("currency", s.spend().amount().currency());
            sp.put("amount", s.spend().amount().plain());
            sp.put("period", s.spend().period());
        } else {
            n.putNull("spend");
        }
        if (s != null && s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            ObjectNode kn = n.putObject("keyLimit");
            putMoney(kn, "limit", k.limit());
            putMoney(kn, "remaining", k.remaining());
            putMoney(kn, "usage", k.usage());
            kn.put("reset", k.reset());
            kn.put("currencyAssumed", k.currencyAssumed());
        } else {
            n.putNull("keyLimit");
        }
        n.put("source", source);
    }

    private static void putMoney(ObjectNode n, String field, BigDecimal v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.toPlainString());
        }
    }
}
