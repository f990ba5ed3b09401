/**
 * The composition root: {@link dev.tally.app.AppContext} builds every service once by constructor injection and
 * hands them out, holding no policy; {@link dev.tally.app.AppDirs} says where config and data live,
 * {@link dev.tally.app.Logging} sets up the log, {@link dev.tally.app.Version} names the build. May import the
 * service packages and {@code engine}; never {@code cli}, {@code desktop}, {@code launcher} or a toolkit.
 */
package dev.tally.app;
