package dev.tally.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.account.Thresholds;
import dev.tally.account.TopUps;
import dev.tally.app.AppContext;
import dev.tally.core.Money;
import dev.tally.provider.AccountField;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.StoreStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code tally accounts add|list|edit|remove}. Accounts hold no keys; see {@code tally keys}. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Add, list, edit and remove accounts (several per provider are fine, each with its own label).",
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListCmd.class, AccountsCommand.Edit.class,
                AccountsCommand.Remove.class})
public final class AccountsCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error (exit 2) that shows the usage on stderr. */
    @Override
    public Integer call() {
        root.io().err().println("tally accounts: " + CliPhrase.ACCOUNTS_WHAT_TO_DO.say());
        spec.commandLine().usage(root.io().err());
        return Cli.USAGE;
    }

    /** Loads the accounts; a warning about the file goes to stderr. Refuses to go on when the file must not be written. */
    static AccountStore.Loaded load(TallyCommand root, boolean forWriting) {
        AccountStore.Loaded loaded = root.context().accounts().load();
        loaded.warning().ifPresent(w -> root.io().err().println("tally: " + w));
        if (forWriting && !loaded.writable()) {
            throw new IllegalStateException("not changing " + root.context().accounts().file() + " (see above)");
        }
        return loaded;
    }

    static Account find(AccountStore.Loaded loaded, String id) {
        return loaded.find(id).orElseThrow(() -> noSuchAccount(loaded, id));
    }

    /** "no account 'x' (accounts: a, b)": exit code 2. */
    static Cli.UsageError noSuchAccount(AccountStore.Loaded loaded, String id) {
        List<String> ids = loaded.accounts().stream().map(Account::id).toList();
        return new Cli.UsageError(Suggestions.didYouMean(CliPhrase.ACCOUNTS_NO_SUCH.say(id,
                ids.isEmpty() ? CliPhrase.ACCOUNTS_NONE.say() : String.join(", ", ids)), id, ids));
    }

    /** Options shared by add and edit. */
    static class Settings {
        @Option(names = "--label", paramLabel = "LABEL", description = "What you call it, e.g. \"work\" or \"DeepSeek (personal)\".")
        String label;

        @Option(names = "--region", paramLabel = "REGION", description = "global or china, for providers with two platforms.")
        String region;

        @Option(names = "--base-url", paramLabel = "URL", description = "Replace the documented origin (proxy, tests). https, or http to this computer.")
        String baseUrl;

        @Option(names = "--field", paramLabel = "ID=VALUE",
                description = "A setting the provider needs besides its keys; repeatable. An empty VALUE removes it.")
        Map<String, String> field;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--threshold", paramLabel = "AMOUNT", description = "Low-balance alert level, e.g. 5, '5 CNY' or '$5'.")
        String threshold;

        @Option(names = "--interval", paramLabel = "MINUTES", description = "Polling interval in minutes (1-1440, default 5).")
        Integer interval;

        @Option(names = "--topup", paramLabel = "AMOUNT", description = {
                "What you had right after your last top-up, from the provider's console, e.g. '120 USD'.",
                "Tally then shows an estimated balance: this minus the spend the provider reports since."})
        String topUp;

        @Option(names = "--topup-date", paramLabel = "DATE", description = {
                "When that was: 2026-11-30 (the whole UTC day counts) or 2026-11-30T18:00Z; default now.",
                "Spend is reported in whole UTC days, so a top-up during a day counts from the next day."})
        String topUpDate;

        /** {@code --topup-date} without {@code --topup} says nothing: refuse it. */
        void checkTopUpOptions() {
            if (topUpDate != null && topUp == null) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_TOPUP_DATE_ALONE.say());
            }
        }

        /** The known top-up given with {@code --topup} (and {@code --topup-date}), or {@code null}. */
        dev.tally.core.KnownTopUp checkedTopUp(java.time.Clock clock) {
            if (topUp == null) {
                return null;
            }
            try {
                return TopUps.parse(topUp, topUpDate, clock);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("--topup: " + e.getMessage());
            }
        }

        /**
         * The alert level given with {@code --threshold}: a provider without a balance can still alert on the estimate
         * from a known top-up ({@code basis}, or {@code null}), in the top-up's currency.
         */
        static Money checkedThreshold(String value, ProviderInfo info, String region, dev.tally.core.KnownTopUp basis) {
            if (value != null && !info.reportsBalance() && basis != null) {
                try {
                    return Thresholds.parseForEstimate(value, basis.amount().currency());
                } catch (IllegalArgumentException e) {
                    throw new Cli.UsageError("--threshold: " + e.getMessage());
                }
            }
            return checkedThreshold(value, info, region);
        }

        String checkedRegion(ProviderInfo info, String value) {
            if (value == null) {
                return null;
            }
            if (info.selectableRegions().isEmpty()) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_ONE_REGION.say(info.displayName()));
            }
            if (info.region(value).isEmpty()) {
                throw new Cli.UsageError(CliPhrase.BALANCE_NOT_A_REGION.say(value, info.displayName(),
                        String.join(", ", info.selectableRegions())));
            }
            return value;
        }

        static URI checkedUrl(String value) {
            try {
                return value == null ? null : BaseUrls.parse(value);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("--base-url: " + e.getMessage());
            }
        }

        static Money checkedThreshold(String value, ProviderInfo info, String region) {
            try {
                return value == null ? null : Thresholds.parse(value, info, region);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("--threshold: " + e.getMessage());
            }
        }

        /** The provider fields given ({@code --field ID=VALUE} or a field's shorthand option), checked. */
        Map<String, String> checkedFields(ProviderInfo info) {
            Map<String, String> out = new TreeMap<>();
            for (FieldOptions.Given g : FieldOptions.given(spec, field)) {
                Optional<AccountField> f = info.field(g.id());
                if (f.isEmpty()) {
                    Optional<AccountField> known = FieldOptions.known(g.id());
                    throw new Cli.UsageError(known.isPresent()
                            ? CliPhrase.ACCOUNTS_FIELD_NOT_USED.say(info.displayName(), known.get().noun(), g.how())
                            : info.fields().isEmpty() ? CliPhrase.ACCOUNTS_NO_FIELD.say(g.how(), info.displayName(), g.id())
                            : CliPhrase.ACCOUNTS_NO_FIELD_ITS_FIELDS.say(g.how(), info.displayName(), g.id(),
                            String.join(", ", info.fields().stream().map(AccountField::id).toList())));
                }
                f.get().problem(g.value()).ifPresent(p -> {
                    throw new Cli.UsageError(g.how() + ": " + p);
                });
                out.put(g.id(), g.value());
            }
            return out;
        }

        /**
         * The label as shown: "work" becomes "DeepSeek (work)"; no --label means the provider's name. Refuses a
         * blank label and one another account of the provider already has.
         */
        String checkedLabel(ProviderInfo info, String value, String fallback, List<Account> existing, String ownId) {
            String full;
            if (value == null) {
                full = fallback != null ? fallback : info.displayName();
            } else if (value.isBlank()) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_LABEL_EMPTY.say());
            } else if (Account.labelProblem(value).isPresent()) {
                throw new Cli.UsageError("--label: " + Account.labelProblem(value).get());
            } else {
                String v = value.strip();
                full = v.toLowerCase().startsWith(info.displayName().toLowerCase()) ? v : info.displayName() + " (" + v + ")";
            }
            if (existing.stream().anyMatch(a -> a.provider().equals(info.id()) && a.label().equalsIgnoreCase(full)
                    && !a.id().equals(ownId))) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_LABEL_TAKEN.say(info.displayName(), full));
            }
            return full;
        }

        int checkedInterval(Integer value, int fallback) {
            int v = value == null ? fallback : value;
            if (v < Account.MIN_INTERVAL || v > Account.MAX_INTERVAL) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_INTERVAL.say(Account.MIN_INTERVAL, Account.MAX_INTERVAL));
            }
            return v;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account and print its id.",
            modelTransformer = FieldOptions.ForAccounts.class,
            footer = {"", "Examples:", "  tally accounts add --provider deepseek --label work --threshold '5 CNY'",
                    "  tally keys set deepseek-work",
                    "  tally accounts add --provider openai --topup '120 USD' --topup-date 2026-11-30"})
    static final class Add extends Settings implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Option(names = "--provider", required = true, paramLabel = "PROVIDER", description = "deepseek, openrouter, moonshot, ...")
        String provider;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            ProviderInfo info = ctx.catalog().find(provider).orElseThrow(() -> new Cli.UsageError(
                    CliPhrase.ACCOUNTS_UNKNOWN_PROVIDER.say(provider,
                            String.join(", ", ctx.catalog().supported().stream().map(i -> i.id().value()).toList()))));
            if (!info.supported()) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_UNSUPPORTED.say(info.displayName(),
                        dev.tally.status.Problem.unsupportedReason(info)));
            }
            checkTopUpOptions();
            String r = checkedRegion(info, region);
            URI url = checkedUrl(baseUrl);
            dev.tally.core.KnownTopUp known = checkedTopUp(ctx.clock());
            Money t = checkedThreshold(threshold, info, r, known);
            Map<String, String> fields = checkedFields(info);
            int minutes = checkedInterval(interval, Account.DEFAULT_INTERVAL);
            load(root, true);
            Account[] added = new Account[1];
            // checked and named again under the write lock, against the accounts on disk now: another command may
            // have added one meanwhile
            ctx.accounts().update(existing -> {
                String fullLabel = checkedLabel(info, label, null, existing, null);
                String id = uniqueId(Account.slug(info.id(), label), existing);
                Account account = new Account(id, info.id(), fullLabel, r, url, fields, t, minutes);
                added[0] = known == null ? account : account.withTopUp(known);
                List<Account> all = new ArrayList<>(existing);
                all.add(added[0]);
                return all;
            });
            String id = added[0].id();
            String fullLabel = added[0].label();
            root.io().out().println(id);
            root.io().err().println(CliPhrase.ACCOUNTS_ADDED.say(fullLabel, id));
            for (AccountField f : info.fields()) {
                String env = f.envVar() == null ? null : root.io().env().get(f.envVar());
                // a server-address field (a relay's or a proxy's URL) is given by --base-url as well: the provider
                // uses the account's base URL first (NewApiProvider.onServer)
                boolean givenAsBaseUrl = f.check() == AccountField.URL && url != null;
                if (f.required() && !givenAsBaseUrl && added[0].field(f.id()) == null && (env == null || env.isBlank())) {
                    String fix = "tally accounts edit " + id + " " + f.option() + " " + f.placeholder();
                    root.io().err().println("tally: " + (f.envVar() == null
                            ? CliPhrase.ACCOUNTS_NEEDS_FIELD.say(info.displayName(), f.noun(), fix)
                            : CliPhrase.ACCOUNTS_NEEDS_FIELD_OR_ENV.say(info.displayName(), f.noun(), f.envVar(), fix)));
                }
            }
            return Cli.OK;
        }

        private static String uniqueId(String base, List<Account> existing) {
            String id = base;
            for (int n = 2; existing.stream().anyMatch(a -> a.id().equals(id)); n++) {
                String candidate = base + "-" + n;
                if (existing.stream().noneMatch(a -> a.id().equals(candidate))) {
                    return candidate;
                }
            }
            return id;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and where each key comes from.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Option(names = "--json", description = "Print JSON (the document is described in docs/json.md).")
        boolean json;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            AccountStore.Loaded loaded = load(root, false);
            ObjectNode doc = BalanceJson.document();
            ArrayNode list = doc.putArray("accounts");
            Columns table = new Columns();
            for (Account a : loaded.accounts()) {
                KeyResolver.Source source = keySource(ctx, a);
                if (json) {
                    ObjectNode n = list.addObject();
                    AccountStore.writeJson(n, a);
                    n.put("key", source.label());
                } else {
                    table.add(a.id(), a.label(), "[" + a.provider() + (a.region() == null ? "" : ", " + a.region()) + "]",
                            CliPhrase.ACCOUNTS_KEY.say(words(source)),
                            a.threshold() == null ? "" : CliPhrase.ACCOUNTS_ALERT_BELOW.say(a.threshold()),
                            a.topUp() == null ? "" : CliPhrase.ACCOUNTS_TOP_UP.say(a.topUp().amount(), a.topUp().at()),
                            CliPhrase.ACCOUNTS_EVERY.say(a.intervalMinutes()));
                }
            }
            table.lines().forEach(root.io().out()::println);
            if (json) {
                root.io().out().println(dev.tally.provider.JsonTrees.pretty(doc));
            } else if (loaded.accounts().isEmpty()) {
                root.io().err().println(CliPhrase.STATUS_NO_ACCOUNTS.say());
            }
            return Cli.OK;
        }
    }

    /** keychain / env / missing (or unknown when the keychain cannot be read) for the account's keys. */
    static KeyResolver.Source keySource(AppContext ctx, Account a) {
        if (!a.keyCommands().isEmpty()) {
            // listing accounts must not run password managers (they may ask for a fingerprint)
            return KeyResolver.Source.COMMAND;
        }
        return ctx.catalog().find(a.provider().value())
                .map(info -> {
                    Map<String, KeyResolver.Found> found = ctx.keys().find(info, a.id());
                    return found.values().stream().filter(f -> f.key().isPresent()).findFirst()
                            .or(() -> found.values().stream().filter(f -> f.source() != KeyResolver.Source.MISSING).findFirst())
                            .map(KeyResolver.Found::source).orElse(KeyResolver.Source.MISSING);
                })
                .orElse(KeyResolver.Source.MISSING);
    }

    /** Where a key comes from, for people in the current language (JSON keeps {@link KeyResolver.Source#label()}). */
    static String words(KeyResolver.Source source) {
        return (switch (source) {
            case KEYCHAIN -> CliPhrase.SOURCE_KEYCHAIN;
            case ENV -> CliPhrase.SOURCE_ENV;
            case COMMAND -> CliPhrase.SOURCE_COMMAND;
            case COMMAND_FAILED -> CliPhrase.SOURCE_COMMAND_FAILED;
            case KEYCHAIN_UNREADABLE -> CliPhrase.SOURCE_KEYCHAIN_UNREADABLE;
            case MISSING -> CliPhrase.SOURCE_MISSING;
        }).say();
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change an account's settings.",
            modelTransformer = FieldOptions.ForAccounts.class)
    static final class Edit extends Settings implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Parameters(paramLabel = "ID", description = "The account id (see 'tally accounts list').")
        String id;

        @Option(names = "--no-base-url", description = "Go back to the documented origin.")
        boolean noBaseUrl;

        @Option(names = "--no-threshold", description = "Turn the low-balance alert off.")
        boolean noThreshold;

        @Option(names = "--no-topup", description = "Forget the known top-ups (no estimated balance).")
        boolean noTopUp;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            if (topUp != null && noTopUp) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_CONTRADICT.say("--topup", "--no-topup"));
            }
            checkTopUpOptions();
            if (baseUrl != null && noBaseUrl) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_CONTRADICT.say("--base-url", "--no-base-url"));
            }
            if (threshold != null && noThreshold) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_CONTRADICT.say("--threshold", "--no-threshold"));
            }
            AppContext ctx = root.context();
            load(root, true);
            ctx.accounts().update(existing -> edited(ctx, existing));
            root.io().err().println(CliPhrase.ACCOUNTS_UPDATED.say(id));
            return Cli.OK;
        }

        /** Under the write lock: the accounts with this one edited, checked against what is on disk now. */
        private List<Account> edited(AppContext ctx, List<Account> existing) {
            Account a = find(new AccountStore.Loaded(existing, java.util.Optional.empty(), true), id);
            ProviderInfo info = ctx.catalog().find(a.provider().value())
                    .orElseThrow(() -> new Cli.UsageError(CliPhrase.ACCOUNTS_PROVIDER_UNKNOWN.say(id, a.provider())));
            String r = region != null ? checkedRegion(info, region) : a.region();
            URI url = noBaseUrl ? null : baseUrl != null ? checkedUrl(baseUrl) : a.baseUrl();
            dev.tally.core.KnownTopUp newTopUp = checkedTopUp(ctx.clock());
            dev.tally.core.KnownTopUp basis = noTopUp ? null : newTopUp != null
                    && (a.topUp() == null || !newTopUp.at().isBefore(a.topUp().at())) ? newTopUp : a.topUp();
            Money t = noThreshold ? null : threshold == null ? a.threshold() : checkedThreshold(threshold, info, r, basis);
            List<String> reported = info.balanceCurrencies(r);
            if (threshold == null && t != null && region != null && !reported.isEmpty() && !reported.contains(t.currency())) {
                String implied = reported.size() == 1 ? reported.getFirst() : CliPhrase.ACCOUNTS_OR.say(
                        String.join(", ", reported.subList(0, reported.size() - 1)), reported.getLast());
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_REGION_ALERT_NEVER_FIRES.say(t.plain() + " " + t.currency(),
                        info.displayName(), r, implied));
            }
            Map<String, String> fields = new TreeMap<>(a.fields());
            fields.putAll(checkedFields(info));
            int minutes = checkedInterval(interval, a.intervalMinutes());
            String l = checkedLabel(info, label, a.label(), existing, a.id());
            Account edited = new Account(a.id(), a.provider(), l, r, url, fields, t, minutes, a.keyCommands(), a.topUps());
            if (noTopUp) {
                edited = edited.withoutTopUps();
            } else if (newTopUp != null) {
                edited = edited.withTopUp(newTopUp);
            }
            Account done = edited;
            return existing.stream().map(x -> x.id().equals(a.id()) ? done : x).toList();
        }

    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account and its key from the keychain.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Option(names = "--keep-key", description = {"Remove the account even though its key cannot be removed now",
                "(keychain locked or unreachable); 'tally keys delete ID' removes the key later."})
        boolean keepKey;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            AccountStore.Loaded loaded = load(root, true);
            Account a = find(loaded, id);
            StoreStatus keychain = ctx.secrets().status();
            if (!keepKey && keychain.isTemporarilyUnreadable()) {
                throw new IllegalStateException("the keychain is " + keychain + ", so the key of '" + a.id()
                        + "' cannot be removed with it; nothing was removed. Unlock the keychain and try again, or add"
                        + " --keep-key to remove only the account");
            }
            if (!yes) {
                Terminal terminal = root.io().keyboard();
                if (terminal == null) {
                    throw new Cli.UsageError(CliPhrase.ACCOUNTS_REMOVE_NEEDS_YES.say(id));
                }
                String answer;
                try {
                    answer = terminal.readLine(CliPhrase.ACCOUNTS_REMOVE_ASK.say(a.label(), a.id()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("could not read the answer: " + e.getMessage(), e);
                }
                if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
                    root.io().err().println(CliPhrase.ACCOUNTS_NOTHING_REMOVED.say());
                    return Cli.OK;
                }
            }
            ctx.accounts().update(existing -> {
                if (existing.stream().noneMatch(x -> x.id().equals(a.id()))) {
                    throw noSuchAccount(new AccountStore.Loaded(existing, java.util.Optional.empty(), true), a.id());
                }
                return existing.stream().filter(x -> !x.id().equals(a.id())).toList();
            });
            KeyCleanup.removeKeys(ctx, a, root.io());
            root.io().err().println(CliPhrase.ACCOUNTS_REMOVED.say(a.id()));
            return Cli.OK;
        }
    }
}
