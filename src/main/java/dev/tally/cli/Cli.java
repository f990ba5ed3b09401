package dev.tally.cli;

import dev.tally.account.LanguageSetting;
import dev.tally.app.AppDirs;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** Runs one command line and returns its exit code. Everything outside (env, streams, clock) is injected. */
public final class Cli {
    public static final int OK = 0;
    public static final int NOT_ALL_FETCHED = 1;
    public static final int USAGE = 2;

    static {
        // picocli looks for Groovy on the class path once (a failed lookup opens every jar, ~20 ms at each start);
        // picocli's documented switch turns that off: no command of ours is a Groovy closure
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private Cli() {
    }

    /**
     * The streams and environment a command sees.
     *
     * @param terminal finds the person at the keyboard when standard input is a terminal (keys are then read
     *                 without echo); asked only when a command needs it; {@code null} or giving {@code null}
     *                 when there is none
     */
    public record Io(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Clock clock,
                     java.util.function.Supplier<Terminal> terminal) {
        public Io(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {
            this(env, in, out, err, clock, null);
        }

        /** The terminal at standard input, or {@code null}. */
        public Terminal keyboard() {
            return terminal == null ? null : terminal.get();
        }

        /** The same, printing through {@link EscapingWriter}: text from outside never reaches the terminal raw. */
        Io escaping() {
            return new Io(env, in, escaped(out), escaped(err), clock, terminal);
        }

        private static PrintWriter escaped(PrintWriter w) {
            return new PrintWriter(new EscapingWriter(w), true);
        }
    }

    public static int run(Io given, String... args) {
        Io io = given.escaping();
        Language before = Messages.use(language(io, args));
        try {
            return runIn(io, given, args);
        } finally {
            Messages.use(before);
        }
    }

    /**
     * The language of this run ({@link Language#choose}): {@code TALLY_LANG}, else the {@code "language"} setting in
     * the config folder ({@code --home} or {@code TALLY_HOME} as the command gives them), else the OS. Reads at most
     * one small file, without a JSON parser, and no bundle: English costs nothing at start-up.
     */
    private static Language language(Io io, String[] args) {
        String asked = io.env().get(Language.ENV);
        java.util.Optional<Language> fromEnv = Language.fromSetting(asked);
        if (fromEnv.isPresent() && fromEnv.get() != Language.SYSTEM) {
            return fromEnv.get();
        }
        Language setting = Language.SYSTEM;
        try {
            setting = LanguageSetting.read(AppDirs.resolve(homeIn(args), io.env()).config());
        } catch (RuntimeException e) {
            // an unusable --home is reported by the command itself; the language then follows the OS
        }
        Language l = Language.choose(io.env(), setting, System.getProperty("os.name"), java.util.Locale.getDefault());
        if (asked != null && !asked.isBlank() && fromEnv.isEmpty()) {
            Messages.use(l);
            io.err().println("tally: " + CliPhrase.LANGUAGE_UNKNOWN.say(asked.strip()));
        }
        return l;
    }

    /** The value of {@code --home DIR} or {@code --home=DIR} before any {@code --}, else {@code null}. */
    private static String homeIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--home") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--home=")) {
                return args[i].substring("--home=".length());
            }
        }
        return null;
    }

    private static int runIn(Io io, Io given, String... args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            // the text the build rendered through picocli (RootHelp), without building its model again
            byte[] text = RootHelp.rendered();
            if (text != null) {
                given.out().print(new String(text, java.nio.charset.StandardCharsets.UTF_8));
                given.out().flush();
                return OK;
            }
        }
        TallyCommand root = new TallyCommand(io);
        CommandLine cl = new CommandLine(root);
        // picocli builds a model per registered command by reflection: register only the one being run
        // (all of them for help, usage errors and anything unknown)
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        boolean optionsBefore = args.length > 0 && args[0].startsWith("-");
        // 'tally --version' needs none; 'tally --help' lists each one's name and description only
        boolean rootOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        boolean rootHelp = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
        boolean onlyFirst = !optionsBefore && TallyCommand.SUBCOMMANDS.containsKey(first);
        if (!rootOnly && (rootHelp || !onlyFirst)) {
            // first, as the root's help lists it; not for one known command (its model is read by reflection)
            cl.addSubcommand("help", CommandLine.HelpCommand.class);
        }
        for (var e : TallyCommand.SUBCOMMANDS.entrySet()) {
            if (rootOnly) {
                break;
            }
            if (rootHelp) {
                cl.addSubcommand(e.getKey(), listing(e.getValue()));
            } else if (!onlyFirst || e.getKey().equals(first)) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        transform(cl);
        HelpText.translate(cl);
        cl.setOut(io.out());
        cl.setErr(io.err());
        // plain help: everything printed passes the escaping printer, which would show picocli's colour codes as text
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println("tally: " + CliPhrase.USAGE_ERROR.say(explained(ex), c.getCommandSpec().qualifiedName()));
            io.err().flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageError u) {
                io.err().println("tally: " + u.getMessage());
                io.err().flush();
                return USAGE;
            }
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (root.debug()) {
                io.err().println("tally: " + message);
                ex.printStackTrace(io.err());
            } else {
                io.err().println("tally: " + CliPhrase.DEBUG_HINT.say(message));
            }
            io.err().flush();
            return NOT_ALL_FETCHED;
        });
        int code;
        try {
            code = cl.execute(args);
        } finally {
            root.close();
        }
        io.out().flush();
        io.err().flush();
        given.out().flush();
        given.err().flush();
        return code;
    }

    /**
     * picocli's message for a parse error, in the current language for the kinds people meet most; for a mistyped
     * command or option, "unknown command 'balanse'; did you mean 'balance'?" with the nearest name the command
     * knows ({@link Suggestions}).
     */
    private static String explained(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return ParseErrors.say(ex);
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String typed = u.getUnmatched().getFirst();
        if (u.isUnknownOption()) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            java.util.List<String> options = spec.options().stream().filter(o -> !o.hidden())
                    .flatMap(o -> java.util.Arrays.stream(o.names())).toList();
            return Suggestions.nearest(name, options)
                    .map(n -> CliPhrase.UNKNOWN_OPTION_DID_YOU_MEAN.say(name, n)).orElseGet(() -> ParseErrors.say(ex));
        }
        if (!spec.subcommands().isEmpty()) {
            java.util.Set<String> commands = new java.util.TreeSet<>(spec.subcommands().keySet());
            if (spec.root() == spec) {
                commands.addAll(TallyCommand.SUBCOMMANDS.keySet());
            }
            return Suggestions.nearest(typed, commands)
                    .map(n -> CliPhrase.UNKNOWN_COMMAND_DID_YOU_MEAN.say(typed, n)).orElseGet(() -> ParseErrors.say(ex));
        }
        return ParseErrors.say(ex);
    }

    /**
     * The whole command tree as {@code tally help CMD} sees it, every subcommand registered and transformed, with
     * the help bundle of the current language: for tests of the help texts.
     */
    static CommandLine fullModel(Io io) {
        CommandLine cl = new CommandLine(new TallyCommand(io));
        cl.addSubcommand("help", CommandLine.HelpCommand.class);
        TallyCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
        transform(cl);
        HelpText.translate(cl);
        return cl;
    }

    /**
     * Applies each command's {@code @Command(modelTransformer)} (e.g. {@link FieldOptions}): picocli applies them only to
     * subcommands that exist when the root {@code CommandLine} is built, and these are added afterwards.
     */
    private static void transform(CommandLine c) {
        for (CommandLine sub : c.getSubcommands().values()) {
            CommandLine.IModelTransformer t = sub.getCommandSpec().modelTransformer();
            if (t != null) {
                t.transform(sub.getCommandSpec());
            }
            transform(sub);
        }
    }

    /**
     * A subcommand as the root's help lists it (name and description), without the model of its options and
     * subcommands that picocli builds by reflection: that work is most of what {@code tally --help} would cost.
     */
    private static CommandLine.Model.CommandSpec listing(Class<?> command) {
        CommandLine.Command c = command.getAnnotation(CommandLine.Command.class);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(c.name());
        spec.usageMessage().description(c.description());
        return spec;
    }

    /** A usage problem found after parsing (unknown account or provider, conflicting options): exit code 2. */
    public static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
