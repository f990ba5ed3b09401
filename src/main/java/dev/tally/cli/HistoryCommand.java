package dev.tally.cli;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.history.HistoryReport;
import dev.tally.history.HistoryReader;
import dev.tally.provider.ProviderInfo;
import dev.tally.status.CommandLineText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tally history ACCOUNT [--days N] [--json]}: recorded balances, top-ups and estimated spend. No network. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show an account's recorded balances, top-ups and spend; reads the local history only.",
                "Spend is estimated from balance drops, or provider-reported where the provider reports usage."})
public final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @Parameters(paramLabel = "ACCOUNT")
    String id;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = {"How many UTC days, today included (default 7).",
            "The last 7 days list every recorded balance and top-up; older days (N > 7) list each day's first,",
            "lowest and last balance and its top-ups added up, with the same daily spend.",
            "Burn rate and runway always cover the last 7 days (7 × 24 h), whatever N is."})
    int days;

    @Option(names = "--json", description = "Print JSON (the document is described in docs/json.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    TextForm text = new TextForm();

    @Option(names = "--utc", description = {"Times in UTC (2026-11-22T05:00:00Z) instead of this computer's time zone",
            "with its offset (2026-11-22T06:00:00+01:00). The day rows are UTC days either way."})
    boolean utc;

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT);

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root.context();
        if (days < 1 || days > 3660) {
            throw new Cli.UsageError("--days must be between 1 and 3660");
        }
        ctx.onHistoryNotice(w -> root.io().err().println("tally: " + w));
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        HistoryReader history = ctx.readHistory().reader();
        String label = label(ctx, loaded, history);
        HistoryReport report = HistoryReport.build(history, id, days, ctx.clock().instant());
        if (json) {
            root.io().out().println(BalanceJson.MAPPER.writeValueAsString(BalanceJson.document(BalanceJson.MAPPER.valueToTree(report.toJsonTree()))));
            return Cli.OK;
        }
        if (report.currencies().isEmpty()) {
            root.io().out().println(label + ": no history in the last " + days + " day(s) yet. "
                    + "It fills as 'tally balance' or the widget fetch this account.");
            return Cli.OK;
        }
        for (HistoryReport.CurrencyHistory c : report.currencies()) {
            String cur = c.currency();
            root.io().out().println(label + " — " + cur + ", last " + days + " day(s):");
            if (c.spendPeriod() != null) {
                String provider = loaded.find(id).map(a -> a.provider().value()).or(() -> Optional.of(id))
                        .flatMap(ctx.catalog()::find).map(ProviderInfo::displayName).orElse(label);
                monthToDate(c, provider);
                continue;
            }
            if (!c.snapshots().isEmpty()) {
                HistoryReport.BalanceAt last = c.snapshots().getLast();
                root.io().out().println("  balance now   " + CommandLineText.money(last.total(), cur, text.form()) + " (" + time(last.at()) + ")");
            }
            root.io().out().println("  " + (c.spendEstimated() ? "est. spend    " : "spend         ")
                    + CommandLineText.money(c.spendTotal(), cur, text.form()) + (c.spendEstimated() ? " (estimated from balance drops)" : " (provider-reported)"));
            for (HistoryReport.TopUpAt t : c.topUps()) {
                root.io().out().println("  top-up        +" + CommandLineText.money(t.amount(), cur, text.form()) + " at " + time(t.at()));
            }
            daily(c);
            root.io().out().println("  burn rate     " + (c.burnRatePerDay() == null ? "not enough data"
                    : CommandLineText.money(c.burnRatePerDay(), cur, text.form()) + " per day (last 7 days)"));
            root.io().out().println("  runway        " + (c.runwayDays() == null ? "not enough data" : "≈ " + c.runwayDays() + " days"));
        }
        return Cli.OK;
    }

    /** A spend-only provider: what it reported as spent this month, and the growth of that figure per day. */
    private void monthToDate(HistoryReport.CurrencyHistory c, String provider) {
        String cur = c.currency();
        HistoryReport.BalanceAt last = c.snapshots().getLast();
        root.io().out().println("  spend         " + (c.spendTotal() == null ? "nothing reported for this month yet"
                : CommandLineText.money(c.spendTotal(), cur, text.form()) + " this month (provider-reported, as of " + time(last.at()) + ")"));
        daily(c);
        root.io().out().println("  runway        none: " + provider + " reports spend, not a balance");
    }

    /** {@code at} in the local time zone with its offset, or in UTC with {@code --utc}. */
    private String time(java.time.Instant at) {
        return TIME.format(at.atZone(utc ? java.time.ZoneOffset.UTC : localZone(root.io().env())));
    }

    /**
     * The time zone people here read: {@code TZ} from the command's environment when it names a zone (as the JVM's
     * default does, for a process started with it), else the system's default.
     */
    static java.time.ZoneId localZone(java.util.Map<String, String> env) {
        String tz = env.get("TZ");
        if (tz != null && !tz.isBlank()) {
            try {
                return java.time.ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (java.time.DateTimeException e) {
                // a POSIX rule such as "CET-1CEST" the JDK cannot read: the JVM has already made what it could of it
            }
        }
        return java.time.ZoneId.systemDefault();
    }

    private void daily(HistoryReport.CurrencyHistory c) {
        for (HistoryReport.DailySpend d : c.daily()) {
            root.io().out().println("  " + d.date() + "    " + (d.spend() == null ? "no data" : CommandLineText.money(d.spend(), c.currency(), text.form())));
        }
    }

    /**
     * What the account is called: a configured account's label; for a provider checked ad hoc with a key from the
     * environment (stored under the provider id), e.g. "DeepSeek (from DEEPSEEK_API_KEY)".
     *
     * @throws Cli.UsageError when there is neither
     */
    private String label(AppContext ctx, AccountStore.Loaded loaded, HistoryReader history) {
        Optional<Account> account = loaded.find(id);
        if (account.isPresent()) {
            return account.get().label();
        }
        Optional<ProviderInfo> provider = ctx.adHoc().provider(id);
        if (provider.isPresent() && history.accounts().contains(id)) {
            return ctx.adHoc().label(provider.get());
        }
        try {
            return AccountsCommand.find(loaded, id).label();
        } catch (Cli.UsageError e) {
            if (provider.isPresent()) {
                throw new Cli.UsageError(e.getMessage() + "; nothing recorded from " + ctx.adHoc().keyVariable(provider.get())
                        + " yet either ('tally balance " + id + "' records it)");
            }
            throw e;
        }
    }
}
