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
 * {@code --debug} raises only Tally's own loggers to FINE; libraries and the JDK stay at INFO (the JDK's
 * FINE output is noise such as one jdk.event.security record per trusted CA certificate).
 */
public final class Logging {
    /** Parent of every Tally logger. Held here: java.util.logging keeps loggers only weakly, and a collected
     * logger would forget its level. */
    private static final Logger TALLY = Logger.getLogger("dev.tally");

    private Logging() {
    }

    /** Opens the log file on the first record, so commands that log nothing never touch the disk. */
    private static final class LazyFileHandler extends Handler {
        private final Path dir;
        private FileHandler file;
        private boolean failed;

        LazyFileHandler(Path dir, Level level) {
            this.dir = dir;
            setLevel(level);
        }

        @Override
        public synchronized void publish(java.util.logging.LogRecord record) {
            if (!isLoggable(record) || failed) {
                return;
            }
            if (file == null) {
                try {
                    Files.createDirectories(dir);
                    file = new FileHandler(dir.resolve("tally.%g.log").toString(), 1_000_000, 2, true);
                    file.setFormatter(new SimpleFormatter());
                    file.setLevel(getLevel());
                } catch (IOException | RuntimeException e) {
                    // no log file: carry on, the user still sees every error on stderr or in the window
                    failed = true;
                    return;
                }
            }
            file.publish(record);
        }

        @Override
        public synchronized void flush() {
            if (file != null) {
                file.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (file != null) {
                file.close();
            }
        }
    }

    /** Installs the handlers; never throws (a read-only disk just means no log file). */
    public static void configure(Path logDir, boolean debug) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        TALLY.setLevel(debug ? Level.FINE : null);
        root.addHandler(new LazyFileHandler(logDir, debug ? Level.FINE : Level.INFO));
        if (debug) {
            Handler console = new ConsoleHandler();
            console.setLevel(Level.FINE);
            root.addHandler(console);
        }
    }
}
