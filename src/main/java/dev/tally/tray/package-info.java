/**
 * The system-tray icon: what it shows ({@link dev.tally.tray.TrayPresenter} builds icon state, tooltip
 * ({@link dev.tally.tray.TrayText}) and menu ({@link dev.tally.tray.TrayMenu}) from one
 * {@link dev.tally.status.Summary}), how it looks
 * ({@link dev.tally.tray.TrayIconRenderer}) and how it reaches the desktop
 * ({@link dev.tally.tray.TrayBackend}: {@link dev.tally.tray.AwtTrayBackend}, or {@link dev.tally.tray.NoTray}
 * when there is no tray).
 *
 * <p>The model and text classes are plain Java and take the clock as an argument. Only this package
 * (and {@code dev.tally.notify}) may import {@code java.awt.*}; nothing here imports {@code javafx.*}:
 * callbacks reach the UI through an injected {@link java.util.concurrent.Executor}. May import
 * {@code dev.tally.core}, {@code dev.tally.status}, {@code dev.tally.poll} and {@code dev.tally.account}; never {@code ui}, {@code app},
 * {@code provider} internals, HTTP, SQL or the keychain.
 */
package dev.tally.tray;
