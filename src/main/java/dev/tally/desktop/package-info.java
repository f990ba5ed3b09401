/**
 * The desktop shell: {@link dev.tally.desktop.DesktopApp} wires the engine to the tray, the notifications and
 * the JavaFX window and settings dialog, and owns the threads they run on. Nothing depends on it but the launcher.
 */
package dev.tally.desktop;
