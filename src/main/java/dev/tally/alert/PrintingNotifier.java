package dev.tally.alert;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The headless default: prints each alert as one line ({@link Alert#text()}) to a stream, e.g.
 * {@code DeepSeek (work): ¥4.20 left — below your ¥5.00 alert}. Thread-safe (lines are never
 * interleaved); never blocks beyond the stream's own write.
 */
public final class PrintingNotifier implements Notifier {
    private final PrintStream out;

    /** @param out where to print, e.g. {@code System.out} for {@code tally watch} */
    public PrintingNotifier(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void notify(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        String line = alert.text();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
