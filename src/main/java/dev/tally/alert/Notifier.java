package dev.tally.alert;

/**
 * Where alerts go: the console when headless, desktop notifications with the widget.
 *
 * <p><b>Thread contract:</b> {@link #notify(Alert)} is called on an engine thread (the poller's or a
 * CLI thread), never the FX thread, and may be called from several threads at once, so implementations
 * are thread-safe. It must return quickly (hand UI work to the UI thread, do not wait for the user) and
 * must not throw: a notifier that cannot show an alert logs why and drops it.
 */
@FunctionalInterface
public interface Notifier {
    void notify(Alert alert);
}
