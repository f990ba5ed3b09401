package dev.tally.cli;

import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.core.AccountStatus;
import dev.tally.history.HistoryStore;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.KeySlot;
import dev.tally.provider.ProviderInfo;
import dev.tally.status.CommandLineText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code tally keys command ACCOUNT -- CMD [ARG...]}: take an account's key from a password manager's command. */
@Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Take an account's key from a command instead of the keychain, e.g. a password manager's.",
                "The command is stored in accounts.json (it is not secret; the key it prints is) and run without a",
                "shell, with standard input closed and a minimal environment; what it prints, less one trailing",
                "newline, is the key. It is kept in memory only, for 10 minutes, and asked again after the provider",
                "refuses it. Lookup order per key: command (if set), keychain, environment."},
        footer = {"", "Examples:", "  tally keys command openai-work -- op read op://Private/OpenAI/credential",
                "  tally keys command deepseek -- pass show api/deepseek",
                "  tally keys command xai -- bw get password xai-api",
                "  tally keys command moonshot -- secret-tool lookup service moonshot",
                "  tally keys command deepseek --clear"})
final class KeyCommandCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand parent;

    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String id;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*",
            description = "The program and its arguments, after '--' so their options are not read as Tally's.")
    List<String> command;

    @Option(names = "--slot", paramLabel = "SLOT", description = "Which key of the provider: api (default), management or admin.")
    String slot;

    @Option(names = "--clear", description = "Stop using a command: the key comes from the keychain or the environment again.")
    boolean clear;

    @Option(names = "--test", description = "Run the command now and fetch the balance with what it printed.")
    boolean test;

    @Override
    public Integer call() {
        TallyCommand root = parent.root;
        AppContext ctx = root.context();
        boolean hasCommand = command != null && !command.isEmpty();
        if (clear == hasCommand) {
            throw new Cli.UsageError(clear ? CliPhrase.KEY_COMMAND_CLEAR_ALONE.say() : CliPhrase.KEY_COMMAND_GIVE_IT.say(id));
        }
        AccountStore.Loaded loaded = AccountsCommand.load(root, true);
        Account a = AccountsCommand.find(loaded, id);
        ProviderInfo info = KeysCommand.provider(ctx, a);
        KeySlot s = KeysCommand.slot(info, slot);
        if (clear) {
            if (!a.keyCommands().containsKey(s.name())) {
                root.io().err().println(CliPhrase.KEY_COMMAND_NONE.say(s.name(), a.label()));
                return Cli.OK;
            }
            save(ctx, a.id(), s.name(), null);
            root.io().err().println(CliPhrase.KEY_COMMAND_CLEARED.say(s.name(), a.label(), s.envVar()));
            return Cli.OK;
        }
        Account.keyCommandProblem(command).ifPresent(p -> {
            throw new Cli.UsageError(CliPhrase.KEY_COMMAND_PROBLEM.say(p));
        });
        if (command.size() == 1 && command.getFirst().strip().contains(" ")) {
            throw new Cli.UsageError(CliPhrase.KEY_COMMAND_NO_SHELL.say(id));
        }
        save(ctx, a.id(), s.name(), command);
        root.io().err().println(CliPhrase.KEY_COMMAND_SET.say(s.name(), a.label(), String.join(" ", command)));
        if (dev.tally.core.Programs.find(command.getFirst(), root.io().env().get("PATH")).isEmpty()) {
            root.io().err().println("tally: " + CliPhrase.KEY_COMMAND_NOT_ON_PATH.say(command.getFirst()));
        }
        if (!test) {
            return Cli.OK;
        }
        Account saved = a.withKeyCommand(s.name(), command);
        FetchOutcome o = ctx.fetcher().fetch(FetchTarget.of(saved, info));
        ctx.recorder().record(o, HistoryStore.SOURCE_CLI).ifPresent(w -> root.io().err().println("tally: " + w));
        root.io().out().println(CommandLineText.line(o));
        return o.status() == AccountStatus.OK ? Cli.OK : Cli.NOT_ALL_FETCHED;
    }

    /** Sets (or, with {@code null}, removes) the command under accounts.json's lock, on the account as it is now. */
    private static void save(AppContext ctx, String id, String slot, List<String> argv) {
        ctx.accounts().update(all -> {
            if (all.stream().noneMatch(x -> x.id().equals(id))) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_GONE_MEANWHILE.say(id));
            }
            return all.stream().map(x -> x.id().equals(id) ? x.withKeyCommand(slot, argv) : x).toList();
        });
    }

}
