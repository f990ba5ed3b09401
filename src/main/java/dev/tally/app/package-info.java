/**
 * The composition root: {@link dev.tally.app.Main} decides between the desktop app and the command
 * line, {@link dev.tally.app.AppContext} builds every service once by constructor injection, and
 * {@link dev.tally.app.AppDirs} says where config and data live. May import every other package.
 */
package dev.tally.app;
