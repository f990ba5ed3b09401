package dev.tally.core;

/**
 * Another writer held {@code accounts.json}, {@code settings.json} or {@code hooks.json} for longer than a writer waits; the file was
 * not changed. The message says so in one line, for people.
 */
public final class StoreBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message) {
        super(message);
    }
}
