/**
 * Alert hooks: programs the user names ({@code tally hooks add low_balance -- notify-send Tally}) that the engine
 * runs for each alert and transition, with the event as JSON on standard input and {@code TALLY_*} variables in a
 * minimal environment, never a key. {@link dev.tally.hooks.HookStore} keeps them in {@code hooks.json};
 * {@link dev.tally.hooks.HookRunner} runs one (no shell, timeout, output to the log);
 * {@link dev.tally.hooks.HookDispatcher} listens to the alert rules and runs the hooks on a thread of its own, so a
 * slow or failing hook never holds up polling.
 *
 * <p>Uses {@code core} and {@code alert} only; the composition root hands the dispatcher to the engine.
 */
package dev.tally.hooks;
