package dev.tally.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.core.AccountStatus;
import dev.tally.core.Secret;
import dev.tally.history.HistoryStore;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.secret.SecretStoreException;
import dev.tally.secret.StoreStatus;
import dev.tally.status.CommandLineText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tally keys set|delete|status}: keys live in the OS keychain, never in a file or on the command line. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Store, remove and inspect API keys in the OS keychain (service 'Tally', account = account id).",
        subcommands = {KeysCommand.Set.class, KeysCommand.Delete.class, KeysCommand.Status.class, KeyCommandCommand.class})
public final class KeysCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error (exit 2) that shows the usage on stderr. */
    @Override
    public Integer call() {
        root.io().err().println("tally keys: " + CliPhrase.KEYS_WHAT_TO_DO.say());
        spec.commandLine().usage(root.io().err());
        return Cli.USAGE;
    }

    static KeySlot slot(ProviderInfo info, String name) {
        if (name == null) {
            return info.keySlots().getFirst();
        }
        return info.slot(name).orElseThrow(() -> new Cli.UsageError(CliPhrase.KEYS_NO_SLOT.say(info.displayName(), name,
                String.join(", ", info.keySlots().stream().map(KeySlot::name).toList()))));
    }

    static ProviderInfo provider(AppContext ctx, Account a) {
        return ctx.catalog().find(a.provider().value())
                .orElseThrow(() -> new Cli.UsageError(CliPhrase.ACCOUNTS_PROVIDER_UNKNOWN.say(a.id(), a.provider())));
    }

    /** The keychain, or a one-line explanation of why there is none (and never a plain-text fallback). */
    static SecretStore usableStore(AppContext ctx, ProviderInfo info) {
        SecretStore store = ctx.secrets();
        StoreStatus st = store.status();
        if (!st.isAvailable()) {
            String env = String.join(" or ", info.keySlots().stream().map(KeySlot::envVar).toList());
            throw new IllegalStateException("the keychain is " + st.state().words() + ": " + st.reason()
                    + ". Tally never stores keys in plain text; unlock or start the keychain, or set " + env);
        }
        return store;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Store an account's key in the keychain, read from standard input (never from an argument).",
                    "On a terminal the key is not echoed; piped input has its trailing newline removed."},
            footer = {"", "Examples:", "  tally keys set deepseek-work --test", "  pass show deepseek | tally keys set deepseek-work",
                    "  tally keys set openrouter --slot management"})
    static final class Set implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "ACCOUNT")
        String id;

        @Option(names = "--slot", paramLabel = "SLOT", description = "Which key of the provider: api (default), management or admin.")
        String slot;

        @Option(names = "--test", description = "Fetch the balance with the stored key and report the result.")
        boolean test;

        @Override
        public Integer call() throws IOException {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            AccountStore.Loaded loaded = AccountsCommand.load(root, false);
            Account a = AccountsCommand.find(loaded, id);
            ProviderInfo info = provider(ctx, a);
            KeySlot s = slot(info, slot);
            SecretStore store = usableStore(ctx, info);
            Secret key = readKey(root.io(), a, s);
            try {
                store.write(KeyResolver.entryName(a.id(), info, s), key);
            } catch (SecretStoreException e) {
                throw new IllegalStateException("could not store the key: " + e.getMessage());
            }
            root.io().err().println(CliPhrase.KEYS_STORED.say(s.name(), a.label(), key.hint(), store.name()));
            if (!test) {
                return Cli.OK;
            }
            FetchOutcome o = ctx.fetcher().fetch(FetchTarget.of(a, info));
            ctx.recorder().record(o, HistoryStore.SOURCE_CLI).ifPresent(w -> root.io().err().println("tally: " + w));
            root.io().out().println(CommandLineText.line(o));
            return o.status() == AccountStatus.OK ? Cli.OK : Cli.NOT_ALL_FETCHED;
        }

        private static Secret readKey(Cli.Io io, Account a, KeySlot s) throws IOException {
            String text;
            Terminal terminal = io.keyboard();
            if (terminal != null) {
                char[] chars = terminal.readHidden(s.name() + " key for " + a.label() + " (not shown): ");
                text = chars == null ? "" : new String(chars);
                java.util.Arrays.fill(chars == null ? new char[0] : chars, '\0');
            } else {
                text = new String(io.in().readNBytes(64 * 1024), StandardCharsets.UTF_8);
                while (text.endsWith("\n") || text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
            }
            if (text.isBlank()) {
                throw new Cli.UsageError(CliPhrase.KEYS_NONE_GIVEN.say(a.id()));
            }
            try {
                return Secret.of(text);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError(CliPhrase.KEYS_UNUSABLE.say(e.getMessage()));
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove an account's key from the keychain.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "ACCOUNT")
        String id;

        @Option(names = "--slot", paramLabel = "SLOT", description = "Which key: api (default), management or admin.")
        String slot;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            AccountStore.Loaded loaded = AccountsCommand.load(root, false);
            Account a = loaded.find(id).orElse(null);
            if (a == null) {
                return deleteLeftover(root, ctx, loaded);
            }
            ProviderInfo info = provider(ctx, a);
            KeySlot s = slot(info, slot);
            SecretStore store = usableStore(ctx, info);
            String entry = KeyResolver.entryName(a.id(), info, s);
            try {
                // read first: "removed" must mean something was there
                if (store.read(entry).isEmpty()) {
                    String env = root.io().env().get(s.envVar());
                    String nothing = CliPhrase.KEYS_NOTHING_TO_REMOVE.say(s.name(), a.label(), store.name());
                    root.io().err().println(env == null || env.isBlank() ? nothing
                            : CliPhrase.KEYS_FROM_ENV_UNCHANGED.say(nothing, s.envVar()));
                    return Cli.OK;
                }
                store.delete(entry);
            } catch (SecretStoreException e) {
                throw new IllegalStateException(CliPhrase.KEYS_COULD_NOT_REMOVE.say(e.getMessage()));
            }
            root.io().err().println(CliPhrase.KEYS_REMOVED.say(s.name(), a.label(), store.name()));
            return Cli.OK;
        }

        /**
         * No such account: a key left behind by an account removed while the keychain was locked can still be
         * removed by its id ({@code id} and {@code id/<slot>} entries).
         */
        private int deleteLeftover(TallyCommand root, AppContext ctx, AccountStore.Loaded loaded) {
            SecretStore store = ctx.secrets();
            if (!Account.isValidId(id) || !store.status().isAvailable()) {
                throw AccountsCommand.noSuchAccount(loaded, id);
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            names.add(id);
            for (ProviderInfo info : ctx.catalog().supported()) {
                for (KeySlot k : info.keySlots()) {
                    if (slot == null || slot.equals(k.name())) {
                        names.add(id + "/" + k.name());
                    }
                }
            }
            if (slot != null && !slot.equals(KeySlot.API)) {
                names.remove(id);
            }
            List<String> removed = new java.util.ArrayList<>();
            try {
                for (String name : names) {
                    if (store.read(name).isPresent()) {
                        store.delete(name);
                        removed.add(name);
                    }
                }
            } catch (SecretStoreException e) {
                throw new IllegalStateException("could not remove the key: " + e.getMessage());
            }
            if (removed.isEmpty()) {
                throw AccountsCommand.noSuchAccount(loaded, id);
            }
            root.io().err().println((removed.size() == 1 ? CliPhrase.KEYS_LEFTOVER_REMOVED_ONE : CliPhrase.KEYS_LEFTOVER_REMOVED)
                    .say(id, store.name(), String.join(", ", removed)));
            return Cli.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Keychain state and, per account, where its key comes from, with a masked hint (never the key).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--json", description = "Print JSON (the document is described in docs/json.md).")
        boolean json;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            AppContext ctx = root.context();
            AccountStore.Loaded loaded = AccountsCommand.load(root, false);
            SecretStore store = ctx.secrets();
            StoreStatus st = store.status();
            ObjectNode doc = BalanceJson.document();
            ObjectNode kc = doc.putObject("keychain");
            kc.put("name", store.name());
            kc.put("state", st.state().name().toLowerCase());
            // JSON stays English
            kc.put("reason", dev.tally.core.Messages.inEnglish(st::reason));
            ArrayNode list = doc.putArray("accounts");
            if (!json) {
                root.io().out().println(st.reason().isBlank() ? CliPhrase.KEYS_STATUS_KEYCHAIN.say(store.name(), st.stateWords())
                        : CliPhrase.KEYS_STATUS_KEYCHAIN_WHY.say(store.name(), st.stateWords(), st.reason()));
            }
            for (Account a : loaded.accounts()) {
                ProviderInfo info = ctx.catalog().find(a.provider().value()).orElse(null);
                ObjectNode n = list.addObject();
                n.put("id", a.id());
                n.put("label", a.label());
                ArrayNode slots = n.putArray("keys");
                if (info == null) {
                    continue;
                }
                Map<String, KeyResolver.Found> found = ctx.keys().find(info, a.id());
                StringBuilder line = new StringBuilder(a.id() + "  " + a.label() + ":");
                for (KeyResolver.Found f : found.values()) {
                    ObjectNode sn = slots.addObject();
                    sn.put("slot", f.slot().name());
                    sn.put("source", f.source().label());
                    sn.put("envVar", f.slot().envVar());
                    sn.put("hint", f.key().map(Secret::hint).orElse(null));
                    sn.put("problem", f.problem());
                    line.append("  ").append(CliPhrase.KEYS_STATUS_SLOT.say(f.slot().name(), AccountsCommand.words(f.source())))
                            .append(f.key().map(k -> " " + k.hint()).orElse(""))
                            .append(f.problem() == null ? "" : " (" + f.problem() + ")");
                }
                if (!json) {
                    root.io().out().println(line);
                }
            }
            if (json) {
                root.io().out().println(dev.tally.provider.JsonTrees.pretty(doc));
            }
            return Cli.OK;
        }
    }
}
