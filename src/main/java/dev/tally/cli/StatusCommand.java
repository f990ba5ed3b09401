package dev.tally.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.engine.StatusSummary;
import dev.tally.engine.SummaryFile;
import dev.tally.history.HistoryReader;
import dev.tally.history.PollOutcome;
import dev.tally.poll.Health;
import dev.tally.provider.ProviderInfo;
import dev.tally.status.CommandLineText;
import dev.tally.status.Estimates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tally status [--json | --short | --format TEMPLATE]}: the last known state of every account, from the
 * history. No network. {@code --short} and {@code --format} are answered from the running engine's summary file
 * when there is one ({@link SummaryFile}).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Last known balance of every account with its age and stale flag, from the local history (no network).",
        footer = {"", "For status bars: --short prints one line, e.g. '⚠ 2 · ¥3.10 · 2m' (worst state and how many accounts",
                "are in it, their lowest balance, age of the oldest balance); --format prints TEMPLATE once per account,",
                "with {id} {label} {provider} {state} {symbol} {amount} {number} {currency} {age} {updated}.",
                "While the widget or 'tally watch' runs, both read the summary file it keeps (docs/status-bar.md)."})
public final class StatusCommand implements Callable<Integer> {
    /** This command's model: the root command comes from it ({@code @Spec}, which the root reads anyway, rather
     * than {@code @ParentCommand}: one annotation type fewer for the JDK to make a proxy class of at start-up). */
    @Spec
    CommandSpec spec;
    /** The root command, set when the command runs. */
    TallyCommand root;

    @Option(names = "--json", description = "Print JSON (the document is described in docs/json.md).")
    boolean json;

    @Option(names = "--plain", description = {TextForm.PLAIN_0, TextForm.PLAIN_1})
    boolean plain;

    @Option(names = "--short", description = "Print one line for a status bar, e.g. '⚠ 2 · ¥3.10 · 2m'.")
    boolean shortLine;

    @Option(names = "--format", paramLabel = "FORMAT", description = {"A TEMPLATE printed once per account, e.g.",
            "'{label} {amount}'; or prometheus: the Prometheus text format, e.g. for node_exporter's textfile",
            "collector (see docs/metrics.md); or text (default) or json."})
    String format;

    /** One line of the status: a configured account, or a provider checked ad hoc with a key from the environment. */
    /** @param account the configured account, or {@code null} for an ad-hoc provider; providerName for messages */
    private record Entry(String id, String provider, String label, Duration interval, Account account,
                         String providerName) {
    }

    @Override
    public Integer call() {
        root = (TallyCommand) spec.root().userObject();
        if (format != null && !format.contains("{")) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> format = null;
                case "json" -> {
                    json = true;
                    format = null;
                }
                case "prometheus" -> {
                    if (json || shortLine) {
                        throw new Cli.UsageError(CliPhrase.STATUS_ONE_FORM.say());
                    }
                    return prometheus();
                }
                default -> throw new Cli.UsageError(CliPhrase.STATUS_BAD_FORMAT.say(format));
            }
        }
        if ((json ? 1 : 0) + (shortLine ? 1 : 0) + (format != null ? 1 : 0) > 1) {
            throw new Cli.UsageError(CliPhrase.STATUS_ONE_FORM.say());
        }
        if (format != null) {
            StatusSummary.templateProblem(format).ifPresent(p -> {
                throw new Cli.UsageError(p);
            });
        }
        if (shortLine || format != null) {
            return summary();
        }
        AppContext ctx = root.context();
        ctx.onHistoryNotice(w -> root.io().err().println("tally: " + w));
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        HistoryReader history = ctx.readHistory().reader();
        Instant now = ctx.clock().instant();
        // no "checkedAt": nothing is checked, every figure is from the history with its own time
        ObjectNode doc = BalanceJson.document();
        ArrayNode list = doc.putArray("accounts");
        List<Entry> entries = entries(ctx, loaded, history);
        for (Entry a : entries) {
            Optional<BalanceSnapshot> last = history.lastSnapshot(a.id());
            Optional<PollOutcome> outcome = history.lastOutcome(a.id());
            Instant lastGoodAt = last.map(BalanceSnapshot::fetchedAt).orElse(null);
            AccountStatus lastStatus = outcome.map(PollOutcome::status).orElse(lastGoodAt == null ? null : AccountStatus.OK);
            Health health = Health.of(lastGoodAt, lastStatus, a.interval(), now);
            boolean stale = Health.staleValue(lastGoodAt, lastStatus, a.interval(), now);
            if (json) {
                ObjectNode n = list.addObject();
                // the same fields in the same order for every account, null when unknown
                BalanceJson.account(n, a.id(), a.provider(), a.label(), lastStatus == null ? null : lastStatus.jsonName(),
                        outcome.map(PollOutcome::message).orElse(null), last.orElse(null), "history");
                n.put("health", health.name().toLowerCase(Locale.ROOT));
                n.put("stale", stale);
                n.put("lastSuccessAt", lastGoodAt == null ? null : lastGoodAt.toString());
                if (lastGoodAt == null) {
                    n.putNull("ageSeconds");
                } else {
                    n.put("ageSeconds", Duration.between(lastGoodAt, now).toSeconds());
                }
                BalanceJson.estimate(n, Estimates.of(a.account(), last.orElse(null)), a.providerName(), stale);
                BalanceJson.levels(n, last.orElse(null), a.account() == null ? null : a.account().threshold(),
                        Estimates.of(a.account(), last.orElse(null)));
            } else {
                String failed = lastStatus != null && lastStatus != AccountStatus.OK
                        ? outcome.map(PollOutcome::message).orElse(lastStatus.jsonName()) : null;
                String line = CommandLineText.statusLine(a.label(), last.orElse(null), lastGoodAt, stale, failed, now,
                        Estimates.of(a.account(), last.orElse(null)), a.providerName(), TextForm.form(plain),
                        a.account() == null ? null : a.account().threshold());
                root.io().out().println(line);
            }
        }
        if (json) {
            root.io().out().println(dev.tally.provider.JsonTrees.pretty(doc));
        } else if (entries.isEmpty()) {
            root.io().err().println(CliPhrase.STATUS_NO_ACCOUNTS.say());
        }
        return Cli.OK;
    }

    /** {@code --short} or {@code --format}: from the running engine's summary file, else from the history. */
    private int summary() {
        Instant now = root.io().clock().instant();
        // a running engine's file answers without the log, the accounts file or SQLite
        StatusSummary summary = SummaryFile.readLive(root.dirs().data()).orElseGet(() -> fromHistory(root.context(), now));
        if (shortLine) {
            root.io().out().println(summary.shortLine(now));
        } else {
            summary.format(format, now).forEach(root.io().out()::println);
        }
        return Cli.OK;
    }

    private StatusSummary fromHistory(AppContext ctx, Instant now) {
        ctx.onHistoryNotice(w -> root.io().err().println("tally: " + w));
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        HistoryReader history = ctx.readHistory().reader();
        List<StatusSummary.Entry> out = new ArrayList<>();
        for (Entry a : entries(ctx, loaded, history)) {
            Optional<BalanceSnapshot> last = history.lastSnapshot(a.id());
            Optional<PollOutcome> outcome = history.lastOutcome(a.id());
            Instant lastGoodAt = last.map(BalanceSnapshot::fetchedAt).orElse(null);
            AccountStatus lastStatus = outcome.map(PollOutcome::status).orElse(lastGoodAt == null ? null : AccountStatus.OK);
            dev.tally.core.Money threshold = loaded.find(a.id()).map(Account::threshold).orElse(null);
            dev.tally.core.Money balance = StatusSummary.shown(last.orElse(null), threshold);
            out.add(new StatusSummary.Entry(a.id(), a.label(), a.provider(),
                    StatusSummary.State.of(Health.of(lastGoodAt, lastStatus, a.interval(), now), balance, threshold),
                    balance, lastGoodAt));
        }
        return new StatusSummary(out);
    }

    /** The configured accounts' last known state from the history, as Prometheus text. */
    private int prometheus() {
        AppContext ctx = root.context();
        ctx.onHistoryNotice(w -> root.io().err().println("tally: " + w));
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        HistoryReader history = ctx.readHistory().reader();
        Instant now = ctx.clock().instant();
        root.io().out().print(dev.tally.metrics.PrometheusText.render(loaded.accounts().stream()
                .map(a -> dev.tally.metrics.AccountMetrics.of(a, history, now)).toList()));
        return Cli.OK;
    }

    /**
     * The configured accounts, then every provider that {@code tally balance} checked ad hoc (a key from the
     * environment, no account of that provider) and that has a history under its provider id.
     */
    private static List<Entry> entries(AppContext ctx, AccountStore.Loaded loaded, HistoryReader history) {
        List<Entry> out = new ArrayList<>();
        for (Account a : loaded.accounts()) {
            out.add(new Entry(a.id(), a.provider().value(), a.label(), Duration.ofMinutes(a.intervalMinutes()), a,
                    ctx.catalog().find(a.provider().value()).map(ProviderInfo::displayName).orElse(a.provider().value())));
        }
        for (String id : history.accounts()) {
            ProviderInfo info = ctx.adHoc().provider(id).orElse(null);
            if (info == null || loaded.find(id).isPresent()
                    || loaded.accounts().stream().anyMatch(a -> a.provider().equals(info.id()))) {
                continue;
            }
            out.add(new Entry(id, id, ctx.adHoc().label(info), Duration.ofMinutes(Account.DEFAULT_INTERVAL), null,
                    info.displayName()));
        }
        return out;
    }
}
