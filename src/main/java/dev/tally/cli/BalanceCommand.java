package dev.tally.cli;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.core.AccountStatus;
import dev.tally.history.HistoryStore;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.ProviderTarget;
import dev.tally.status.CommandLineText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tally balance [ACCOUNT|PROVIDER ...] [--json]}: fetches now, never from cache. */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = {
                "Fetch balances now (never cached) and print one line per account.",
                "With no names: every configured account; with no accounts configured: every provider whose key "
                        + "environment variable is set (e.g. DEEPSEEK_API_KEY).",
                "Exit codes: 0 every account was fetched, 1 at least one was not, 2 usage error."},
        footer = {"", "Examples:",
                "  tally balance",
                "  tally balance deepseek --json",
                "  tally balance moonshot --region china",
                "  DEEPSEEK_API_KEY=... tally balance deepseek --base-url http://127.0.0.1:8080"},
        modelTransformer = FieldOptions.ForBalance.class)
public final class BalanceCommand implements Callable<Integer> {
    /** This command's model: the root command comes from it ({@code @Spec}, which the root reads anyway, rather
     * than {@code @ParentCommand}: one annotation type fewer for the JDK to make a proxy class of at start-up). */
    @Spec
    CommandSpec spec;
    /** The root command, set when the command runs. */
    TallyCommand root;

    @Parameters(paramLabel = "ACCOUNT|PROVIDER", arity = "0..*",
            description = "Account ids or provider names (e.g. deepseek, openrouter, moonshot).")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON (the document is described in docs/json.md).")
    boolean json;

    @Option(names = "--plain", description = {TextForm.PLAIN_0, TextForm.PLAIN_1})
    boolean plain;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "For a provider name: use URL instead of the documented origin (https, or http to this computer).")
    String baseUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "For a provider name: global or china.")
    String region;

    @Option(names = "--field", paramLabel = "ID=VALUE",
            description = "For a provider name: a setting it needs besides its keys; repeatable.")
    Map<String, String> field;

    @Override
    public Integer call() {
        root = (TallyCommand) spec.root().userObject();
        AppContext ctx = root.context();
        Cli.Io io = root.io();
        ctx.onHistoryNotice(w -> io.err().println("tally: " + w));
        AccountStore.Loaded loaded = ctx.accounts().load();
        loaded.warning().ifPresent(w -> io.err().println("tally: " + w));

        List<FetchTarget> targets = targets(ctx, loaded.accounts());
        if (targets.isEmpty()) {
            if (json) {
                io.out().println(BalanceJson.render(ctx.clock().instant(), List.of()));
            }
            io.err().println("tally: " + CliPhrase.BALANCE_NOTHING_TO_FETCH.say());
            return Cli.NOT_ALL_FETCHED;
        }
        List<FetchOutcome> outcomes = ctx.fetcher().fetchAll(targets);
        outcomes.stream().map(o -> ctx.recorder().record(o, HistoryStore.SOURCE_CLI)).flatMap(java.util.Optional::stream).distinct()
                .forEach(w -> io.err().println("tally: " + w));
        if (json) {
            io.out().println(BalanceJson.render(ctx.clock().instant(), outcomes));
        } else {
            for (FetchOutcome o : outcomes) {
                io.out().println(CommandLineText.line(o, TextForm.form(plain)));
            }
        }
        return outcomes.stream().allMatch(o -> o.status() == AccountStatus.OK) ? Cli.OK : Cli.NOT_ALL_FETCHED;
    }

    private List<FetchTarget> targets(AppContext ctx, List<Account> accounts) {
        Map<String, String> fields = new java.util.TreeMap<>();
        FieldOptions.given(spec, field).forEach(g -> fields.put(g.id(), g.value()));
        boolean adHocOptions = baseUrl != null || region != null || !fields.isEmpty();
        List<String> adHocNames = new ArrayList<>(List.of("--base-url", "--region"));
        adHocNames.addAll(FieldOptions.shorthands());
        if (field != null) {
            adHocNames.add("--field");
        }
        String adHocList = list(adHocNames);
        URI base = null;
        if (baseUrl != null) {
            try {
                base = BaseUrls.parse(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("--base-url: " + e.getMessage());
            }
        }
        List<FetchTarget> out = new ArrayList<>();
        if (names.isEmpty()) {
            if (adHocOptions) {
                throw new Cli.UsageError(CliPhrase.BALANCE_AD_HOC_NEEDS_PROVIDER.say(adHocList));
            }
            if (!accounts.isEmpty()) {
                for (Account a : accounts) {
                    out.add(target(ctx, a));
                }
                return out;
            }
            for (ProviderInfo info : ctx.catalog().supported()) {
                if (ctx.keys().hasEnvKey(info)) {
                    out.add(FetchTarget.adHoc(info, ProviderTarget.defaults(info.displayName())));
                }
            }
            return out;
        }
        // a name given twice, or an account also named through its provider, is fetched once, where it first appears
        for (String name : new java.util.LinkedHashSet<>(names)) {
            Optional<Account> account = accounts.stream().filter(a -> a.id().equals(name)).findFirst();
            if (account.isPresent()) {
                if (adHocOptions) {
                    throw new Cli.UsageError(CliPhrase.BALANCE_AD_HOC_NOT_FOR_ACCOUNT.say(adHocList, name));
                }
                out.add(target(ctx, account.get()));
                continue;
            }
            Optional<ProviderInfo> provider = ctx.catalog().find(name);
            if (provider.isEmpty()) {
                throw new Cli.UsageError(unknown(ctx, name, accounts));
            }
            ProviderInfo info = provider.get();
            List<Account> ofProvider = accounts.stream().filter(a -> a.provider().equals(info.id())).toList();
            if (!ofProvider.isEmpty() && !adHocOptions) {
                ofProvider.forEach(a -> out.add(target(ctx, a)));
                continue;
            }
            if (region != null && info.supported() && info.region(region).isEmpty()) {
                throw new Cli.UsageError(info.selectableRegions().isEmpty()
                        ? CliPhrase.BALANCE_NOT_A_REGION_ONLY_ONE.say(region, info.displayName())
                        : CliPhrase.BALANCE_NOT_A_REGION.say(region, info.displayName(), String.join(", ", info.selectableRegions())));
            }
            out.add(FetchTarget.adHoc(info, new ProviderTarget(info.displayName(), region, base, fields)));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        out.removeIf(t -> !seen.add(t.id()));
        return out;
    }

    private static FetchTarget target(AppContext ctx, Account a) {
        ProviderInfo info = ctx.catalog().find(a.provider().value()).orElseGet(() -> new ProviderInfo(a.provider(),
                a.provider().value(), List.of(), java.util.Set.of(), List.of(), List.of(), List.of(), null,
                CliPhrase.UNKNOWN_PROVIDER_REASON.say(a.provider())));
        return FetchTarget.of(a, info);
    }

    private static String unknown(AppContext ctx, String name, List<Account> accounts) {
        String accountIds = accounts.isEmpty() ? CliPhrase.NONE_CONFIGURED.say()
                : String.join(", ", accounts.stream().map(Account::id).toList());
        String providers = String.join(", ", ctx.catalog().all().stream().map(i -> i.id().value()).toList());
        List<String> names = new ArrayList<>(accounts.stream().map(Account::id).toList());
        ctx.catalog().all().forEach(i -> names.add(i.id().value()));
        return Suggestions.didYouMean(CliPhrase.BALANCE_UNKNOWN_NAME.say(name, accountIds, providers), name, names);
    }

    /** "a, b and c" in the current language. */
    static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        String head = items.getFirst();
        for (String item : items.subList(1, items.size() - 1)) {
            head = CliPhrase.LIST_JOIN.say(head, item);
        }
        return CliPhrase.LIST_AND.say(head, items.getLast());
    }
}
