package dev.tally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging goes to {@code <data>/logs/tally.log} (rotated, 2 × 1 MB), never to the console unless
 * {@code --debug}. Nothing logged may contain a key: providers log hosts, paths and statuses only.
 */
public final class Logging {
    private Logging() {
    }

    /** Installs the handlers; never throws (a read-only disk just means no log file). */
    public static void configure(Path logDir, boolean debug) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(debug ? Level.FINE : Level.INFO);
        try {
            Files.createDirectories(logDir);
            FileHandler file = new FileHandler(logDir.resolve("tally.%g.log").toString(), 1_000_000, 2, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(debug ? Level.FINE : Level.INFO);
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            // no log file: carry on, the user still sees every error on stderr or in the window
        }
        if (debug) {
            Handler console = new ConsoleHandler();
            console.setLevel(Level.FINE);
            root.addHandler(console);
        }
    }
}
