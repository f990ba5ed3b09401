package dev.tally.launcher;

import dev.tally.cli.Cli;
import dev.tally.cli.Terminal;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // looked up only by a command that asks the person at the keyboard (each asks once)
        Supplier<Terminal> terminal = () -> Terminal.system(System.in, err);
        int code = Cli.run(new Cli.Io(System.getenv(), System.in, out, err, Clock.systemUTC(), terminal), args);
        // the keychain's D-Bus library can leave non-daemon threads behind: end explicitly
        System.exit(code);
    }
}
