/**
 * The status vocabulary: how an account is doing and every word Tally says about it, in one place, for every
 * front end. {@link dev.tally.status.Summary} / {@link dev.tally.status.AccountSummary} (state, worst first) are
 * built once per update from the poller's states; {@link dev.tally.status.Phrase} holds each sentence once, whole,
 * with placeholders (ready for translation); {@link dev.tally.status.Problem} is the one mapping from a fetch
 * error's kind to words; {@link dev.tally.status.Remedies} says a {@link dev.tally.core.Remedy} the command line's
 * way (the exact command) or the desktop's (where to click); {@link dev.tally.status.Ages} and
 * {@link dev.tally.status.MoneyText} write ages and amounts; {@link dev.tally.status.CommandLineText} lays out the
 * command line's lines.
 *
 * <p>Plain Java, stateless or immutable, thread-safe; the clock is always an argument. May import
 * {@code dev.tally.core}, {@code dev.tally.poll} and {@code dev.tally.account}; never {@code javafx.*},
 * {@code java.awt.*}, {@code ui}, {@code tray}, {@code cli}, {@code alert}, {@code app}, HTTP, SQL or the keychain.
 */
package dev.tally.status;
