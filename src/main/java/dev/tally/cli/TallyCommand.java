package dev.tally.cli;

import dev.tally.app.AppContext;
import dev.tally.app.AppDirs;
import dev.tally.app.Logging;
import dev.tally.app.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tally}: the root command. Without arguments the launcher starts the desktop widget instead. */
@Command(name = "tally", mixinStandardHelpOptions = true, versionProvider = TallyCommand.VersionInfo.class,
        description = "What is left on your LLM API accounts. Run without arguments to start the tray widget.")
public final class TallyCommand implements Runnable {
    /**
     * Every subcommand but {@code help}, by name. {@link Cli} registers only the one being run, so start-up builds one
     * model; picocli's {@code help} command comes first, registered by {@link Cli} whenever more than one is.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("balance", BalanceCommand.class);
        SUBCOMMANDS.put("accounts", AccountsCommand.class);
        SUBCOMMANDS.put("keys", KeysCommand.class);
        SUBCOMMANDS.put("status", StatusCommand.class);
        SUBCOMMANDS.put("history", HistoryCommand.class);
        SUBCOMMANDS.put("watch", WatchCommand.class);
        SUBCOMMANDS.put("hooks", HooksCommand.class);
    }

    private final Cli.Io io;
    private AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Keep config and data under DIR (same as TALLY_HOME).")
    String home;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log details to stderr and show stack traces.")
    boolean debug;

    TallyCommand(Cli.Io io) {
        this.io = io;
    }

    Cli.Io io() {
        return io;
    }

    boolean debug() {
        return debug;
    }

    /** Shown on a terminal when the keychain takes more than a second to answer. */
    static String keychainWait() {
        return CliPhrase.KEYCHAIN_WAIT.say();
    }

    /** The folders, for a command that reads a file there before (or instead of) building the context. */
    AppDirs dirs() {
        checkHome();
        return AppDirs.resolve(home, io.env());
    }

    /** Built on first use, after options are parsed. */
    AppContext context() {
        if (context == null) {
            AppDirs dirs = dirs();
            Logging.configure(dirs.logDir(), debug);
            context = new AppContext(dirs, io.env(), io.clock());
            // the person who typed the command is waiting: give a slow keychain longer, and say so on a terminal
            context.forCommands(() -> {
                if (io.keyboard() != null) {
                    io.err().println(keychainWait());
                    io.err().flush();
                }
            });
        }
        return context;
    }

    /** An empty {@code --home} would quietly mean the usual folders: say so instead. */
    private void checkHome() {
        if (home != null && home.isBlank()) {
            throw new Cli.UsageError(CliPhrase.HOME_EMPTY.say());
        }
    }

    /** Closes what the command opened (the keychain connection). */
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Override
    public void run() {
        checkHome();
        spec.commandLine().usage(io.out());
    }

    static final class VersionInfo implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tally " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
