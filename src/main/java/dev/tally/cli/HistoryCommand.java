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
            throw new Cli.UsageError(CliPhrase.HISTORY_DAYS.say());
        }
        ctx.onHistoryNotice(w -> root.io().err().println("tally: " + w));
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        HistoryReader history = ctx.readHistory().reader();
        String label = label(ctx, loaded, history);
        HistoryReport report = HistoryReport.build(history, id, days, ctx.clock().instant());
        if (json) {
            root.io().out().println(Mapper.MAPPER.writeValueAsString(BalanceJson.document(Mapper.MAPPER.valueToTree(report.toJsonTree()))));
            return Cli.OK;
        }
        if (report.currencies().isEmpty()) {
            root.io().out().println(CliPhrase.HISTORY_NONE.say(label, days));
            return Cli.OK;
        }
        for (HistoryReport.CurrencyHistory c : report.currencies()) {
            String cur = c.currency();
            root.io().out().println(CliPhrase.HISTORY_TITLE.say(label, cur, days));
            if (c.spendPeriod() != null) {
                String provider = loaded.find(id).map(a -> a.provider().value()).or(() -> Optional.of(id))
                        .flatMap(ctx.catalog()::find).map(ProviderInfo::displayName).orElse(label);
                monthToDate(c, provider);
                continue;
            }
            if (!c.snapshots().isEmpty()) {
                HistoryReport.BalanceAt last = c.snapshots().getLast();
                row(CliPhrase.HISTORY_BALANCE_NOW, CliPhrase.HISTORY_AT.say(CommandLineText.money(last.total(), cur, text.form()), time(last.at())));
            }
            String spend = CommandLineText.money(c.spendTotal(), cur, text.form());
            row(c.spendEstimated() ? CliPhrase.HISTORY_EST_SPEND : CliPhrase.HISTORY_SPEND, c.spendEstimated()
                    ? CliPhrase.HISTORY_ESTIMATED_FROM_DROPS.say(spend) : CliPhrase.HISTORY_PROVIDER_REPORTED.say(spend));
            for (HistoryReport.TopUpAt t : c.topUps()) {
                row(CliPhrase.HISTORY_TOP_UP, CliPhrase.HISTORY_TOP_UP_AT.say(CommandLineText.money(t.amount(), cur, text.form()), time(t.at())));
            }
            daily(c);
            row(CliPhrase.HISTORY_BURN_RATE, c.burnRatePerDay() == null ? CliPhrase.HISTORY_NOT_ENOUGH_DATA.say()
                    : CliPhrase.HISTORY_PER_DAY.say(CommandLineText.money(c.burnRatePerDay(), cur, text.form())));
            row(CliPhrase.HISTORY_RUNWAY, c.runwayDays() == null ? CliPhrase.HISTORY_NOT_ENOUGH_DATA.say()
                    : CliPhrase.HISTORY_RUNWAY_DAYS.say(c.runwayDays()));
        }
        return Cli.OK;
    }

    /** A spend-only provider: what it reported as spent this month, and the growth of that figure per day. */
    private void monthToDate(HistoryReport.CurrencyHistory c, String provider) {
        String cur = c.currency();
        HistoryReport.BalanceAt last = c.snapshots().getLast();
        row(CliPhrase.HISTORY_SPEND, c.spendTotal() == null ? CliPhrase.HISTORY_NOTHING_THIS_MONTH.say()
                : CliPhrase.HISTORY_THIS_MONTH.say(CommandLineText.money(c.spendTotal(), cur, text.form()), time(last.at())));
        daily(c);
        row(CliPhrase.HISTORY_RUNWAY, CliPhrase.HISTORY_NO_RUNWAY.say(provider));
    }

    /** "  balance now   110.00 CNY …": the label padded to 14 terminal columns (a Chinese character takes two). */
    private void row(CliPhrase label, String value) {
        root.io().out().println("  " + Columns.padded(label.say(), 14) + value);
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
            root.io().out().println("  " + d.date() + "    " + (d.spend() == null ? CliPhrase.HISTORY_NO_DATA.say()
                    : CommandLineText.money(d.spend(), c.currency(), text.form())));
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
                throw new Cli.UsageError(CliPhrase.HISTORY_NOTHING_RECORDED.say(e.getMessage(), ctx.adHoc().keyVariable(provider.get()), id));
            }
            throw e;
        }
    }

    /** The report's values as a tree (Jackson's ObjectMapper), made only by {@code tally history --json}. */
    private static final class Mapper {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper
                .builder().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
    }
}
