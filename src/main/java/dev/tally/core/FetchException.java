package dev.tally.core;

import java.util.Objects;

/**
 * Carries a {@link FetchError} out of a provider. It has no cause and no stack trace on purpose:
 * lower-level exceptions can hold request details, so they are translated, never wrapped.
 */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient FetchError error;

    public FetchException(FetchError error) {
        // the exception's own message is for logs: English
        super(Messages.inEnglish(() -> Objects.requireNonNull(error).message()), null, false, false);
        this.error = error;
    }

    public FetchError error() {
        return error;
    }

    public static FetchException badResponse(String message) {
        return new FetchException(new FetchError.BadResponse(message));
    }

    public static FetchException badResponse(Text message) {
        return new FetchException(new FetchError.BadResponse(message));
    }
}
