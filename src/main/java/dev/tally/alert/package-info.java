/**
 * Telling the user, once, when an account needs attention: {@link dev.tally.alert.AlertRules} (low
 * balance with a re-arm band, exhausted, key rejected), the {@link dev.tally.alert.Alert} values, the
 * {@link dev.tally.alert.Notifier} interface and the headless {@link dev.tally.alert.PrintingNotifier}. For alert
 * hooks the rules also say {@link dev.tally.alert.Transition}s (checks keep failing, the account works again),
 * handed with the alerts to a {@link dev.tally.alert.RaisedListener}.
 * What has fired is kept as {@link dev.tally.alert.AlertMark}s behind the {@link dev.tally.alert.AlertMarks}
 * interface this package owns, so a relaunch does not repeat an alert; the history file implements it.
 *
 * <p>Imports nothing from {@code javafx.*} or {@code java.awt.*} and runs headless; desktop notifiers
 * are implemented next to the widget against {@link dev.tally.alert.Notifier}. Depends on {@code core} and
 * {@code status} (the alerts' words) only: not on {@code history} nor on SQLite (the marks' store is handed in).
 */
package dev.tally.alert;
