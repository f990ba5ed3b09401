/**
 * Telling the user, once, when an account needs attention: {@link dev.tally.alert.AlertRules} (low
 * balance with a re-arm band, exhausted, key rejected; state persisted in the history file so a
 * relaunch does not repeat an alert), the {@link dev.tally.alert.Alert} values, the
 * {@link dev.tally.alert.Notifier} interface and the headless {@link dev.tally.alert.PrintingNotifier}.
 *
 * <p>Imports nothing from {@code javafx.*} or {@code java.awt.*} and runs headless; desktop notifiers
 * are implemented next to the widget against {@link dev.tally.alert.Notifier}. Depends on
 * {@code core}, {@code history} and {@code status} (the alerts' words) only.
 */
package dev.tally.alert;
