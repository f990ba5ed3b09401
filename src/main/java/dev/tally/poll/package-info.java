/**
 * Timing and running fetches: turning accounts into {@link dev.tally.poll.FetchTarget}s, running them
 * ({@link dev.tally.poll.BalanceFetcher}, concurrently, one outcome each, never throwing), and the poller.
 * Imports nothing from JavaFX or AWT.
 */
package dev.tally.poll;
