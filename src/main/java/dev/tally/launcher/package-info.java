/**
 * The program's entry point: {@link dev.tally.launcher.Main} starts the desktop shell with no arguments and the
 * command line with arguments. The command-line path never loads JavaFX or AWT classes.
 */
package dev.tally.launcher;
