/**
 * The command line ({@code tally balance|accounts|keys|history|status|watch}), built with picocli.
 * Output contracts (text lines, {@code --json} documents, exit codes 0/1/2) are in architecture.md.
 * Errors go to stderr as one clear line; stack traces only with {@code --debug}. Never prints a key.
 * Its status words (lines, error kinds, advice as exact commands, ages) come from {@code dev.tally.status}.
 * Imports no JavaFX or AWT.
 */
package dev.tally.cli;
