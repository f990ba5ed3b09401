package dev.tally.launcher;

import dev.tally.cli.Cli;
import dev.tally.cli.Terminal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code tally} with no arguments starts the desktop widget; with arguments it is the command line.
 * The command-line path never loads JavaFX or AWT, so it starts fast.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // a widget started from the desktop gets no shell variables: also follow the desktop's proxy settings
            if (System.getProperty("java.net.useSystemProxies") == null) {
                System.setProperty("java.net.useSystemProxies", "true");
            }
            DesktopLauncher.launch();
            return;
        }
        int code = commandLine(args, System.getenv(), System.in, System.out, System.err);
        if (code == Cli.OK && onlyThisThreadKeepsTheJvm()) {
            // ends as a plain return does: System.exit would also look up a logger for the exit, which scans
            // every jar on the class path (~20 ms)
            return;
        }
        // the keychain's D-Bus library can leave non-daemon threads behind: end explicitly
        System.exit(code);
    }

    /** True when no other live non-daemon thread would keep the JVM from ending after main returns. */
    private static boolean onlyThisThreadKeepsTheJvm() {
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t != self && t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM"));
    }

    /** The command line with these streams (the AOT training runs it, so the cache holds this path too). */
    static int commandLine(String[] args, Map<String, String> env, InputStream in, OutputStream stdout, OutputStream stderr) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        // looked up only by a command that asks the person at the keyboard (each asks once)
        Supplier<Terminal> terminal = () -> Terminal.system(in, err);
        return Cli.run(new Cli.Io(env, in, out, err, Clock.systemUTC(), terminal), args);
    }
}
