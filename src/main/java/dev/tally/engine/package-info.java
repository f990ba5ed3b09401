/**
 * The headless engine: {@link dev.tally.engine.Engine} (the poller plus history, alerts and housekeeping after
 * every poll), {@link dev.tally.engine.OutcomeRecorder} (what a fetch found, into the history),
 * {@link dev.tally.engine.AdHocChecks} (environment-key checks without an account), and the locks that keep one
 * engine per data folder ({@link dev.tally.engine.EngineLock}) and one widget per user
 * ({@link dev.tally.engine.SingleInstance}). Every dependency comes in through a constructor; it never refers to
 * the composition root, a front end or a toolkit.
 */
package dev.tally.engine;
