/**
 * Starting Tally at login, behind the {@link dev.tally.autostart.Autostart} interface: an XDG autostart entry on
 * Linux and other freedesktop systems, a LaunchAgent on macOS, a value under the Windows {@code Run} key, and
 * {@link dev.tally.autostart.NoAutostart} elsewhere. The caller says which command starts Tally
 * ({@link dev.tally.autostart.LaunchCommands} can work it out from the running process).
 * Must not import JavaFX, AWT or any other Tally package.
 */
package dev.tally.autostart;
