package dev.tally.cli;

import dev.tally.hooks.Hook;
import dev.tally.hooks.HookEvent;
import dev.tally.hooks.HookStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tally hooks add|list|remove}: programs the engine runs for alerts, kept in hooks.json. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
        description = {"Run your own programs when an alert fires (tally watch and the widget run them).",
                "Events: low_balance, exhausted, key_rejected, recovered, fetch_failed. A hook gets the event as JSON",
                "on standard input and TALLY_EVENT, TALLY_ACCOUNT, TALLY_PROVIDER, TALLY_CURRENCY, TALLY_AMOUNT,",
                "TALLY_THRESHOLD in its environment (never a key); it runs without a shell, is stopped after 10 s",
                "and what it prints goes to Tally's log."},
        subcommands = {HooksCommand.Add.class, HooksCommand.ListCmd.class, HooksCommand.Remove.class})
public final class HooksCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        root.io().err().println("tally hooks: " + CliPhrase.HOOKS_WHAT_TO_DO.say());
        spec.commandLine().usage(root.io().err());
        return Cli.USAGE;
    }

    static HookStore.Loaded load(TallyCommand root, boolean forWriting) {
        HookStore store = root.context().hookStore();
        HookStore.Loaded loaded = store.load();
        loaded.warning().ifPresent(w -> root.io().err().println("tally: " + w));
        if (forWriting && !loaded.writable()) {
            throw new IllegalStateException("not changing " + store.file() + " (see above)");
        }
        return loaded;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a hook for an event.",
            footer = {"", "Examples:", "  tally hooks add low_balance -- notify-send Tally \"balance low\"",
                    "  tally hooks add key_rejected -- /home/me/bin/page-me"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        HooksCommand parent;

        @Parameters(index = "0", paramLabel = "EVENT",
                description = "low_balance, exhausted, key_rejected, recovered or fetch_failed.")
        String event;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "CMD",
                description = "The program and its arguments, after '--'.")
        List<String> command;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            Hook.problem(event, command == null ? List.of() : command).ifPresent(p -> {
                throw new Cli.UsageError(command == null || command.isEmpty()
                        ? CliPhrase.HOOKS_EXAMPLE.say(p, event) : p);
            });
            load(root, true);
            Hook h = new Hook(event, command);
            HookStore.Change done = root.context().hookStore().update(now -> {
                List<Hook> all = new ArrayList<>(now);
                all.add(h);
                return all;
            });
            root.io().err().println(CliPhrase.HOOKS_ADDED.say(done.after().size(), h.describe()));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the hooks with their numbers.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        HooksCommand parent;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            List<Hook> hooks = load(root, false).hooks();
            if (hooks.isEmpty()) {
                root.io().err().println(CliPhrase.HOOKS_NONE.say());
            }
            for (int i = 0; i < hooks.size(); i++) {
                root.io().out().println((i + 1) + "  " + hooks.get(i).describe());
            }
            return Cli.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a hook by its number (see 'tally hooks list').")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        HooksCommand parent;

        @Parameters(paramLabel = "N")
        int number;

        @Override
        public Integer call() {
            TallyCommand root = parent.root;
            load(root, true);
            HookStore.Change done = root.context().hookStore().update(now -> {
                if (number < 1 || number > now.size()) {
                    throw new Cli.UsageError(CliPhrase.HOOKS_NO_SUCH.say(number, now.size()));
                }
                List<Hook> all = new ArrayList<>(now);
                all.remove(number - 1);
                return all;
            });
            Hook gone = done.before().get(number - 1);
            root.io().err().println(CliPhrase.HOOKS_REMOVED.say(number, gone.describe()));
            return Cli.OK;
        }
    }

    static List<String> events() {
        return HookEvent.EVENTS;
    }
}
