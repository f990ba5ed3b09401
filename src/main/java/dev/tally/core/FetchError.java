package dev.tally.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a balance could not be shown. Each kind maps to one contract status. The {@link #message()} says what happened,
 * for people: specific, and it never contains a key or an Authorization header. What to do about it is the typed
 * {@link #remedy()}, which each front end says its own way (see {@code dev.tally.status}); messages carry no advice
 * that names a command or a place in the window.
 */
public sealed interface FetchError {

    /** What happened, to be said in the language of the moment it is read ({@link Text}). */
    Text text();

    /** {@link #text()} in the current language ({@link Messages#language()}). */
    default String message() {
        return text().toString();
    }

    AccountStatus status();

    /** What the user can do; {@link Remedy#NONE} when nothing but reading the message. */
    Remedy remedy();

    /** The same kind of error (same status, same retry-after or HTTP status, same remedy) with another message. */
    default FetchError withMessage(String message) {
        return withText(Text.plain(message));
    }

    /** The same kind of error with another text. */
    default FetchError withText(Text message) {
        return switch (this) {
            case AuthFailed a -> new AuthFailed(message, a.remedy());
            case Forbidden f -> new Forbidden(message, f.remedy());
            case RateLimited r -> new RateLimited(message, r.retryAfter(), r.remedy());
            case Timeout t -> new Timeout(message, t.remedy());
            case NetworkError n -> new NetworkError(message, n.remedy());
            case BadResponse b -> new BadResponse(message, b.remedy());
            case ProviderError p -> new ProviderError(message, p.httpStatus(), p.remedy());
            case NoKey n -> new NoKey(message, n.remedy());
            case Unsupported u -> new Unsupported(message, u.remedy());
        };
    }

    /** The same kind of error with the same message and another remedy. */
    default FetchError withRemedy(Remedy remedy) {
        Objects.requireNonNull(remedy, "remedy");
        return switch (this) {
            case AuthFailed a -> new AuthFailed(a.text(), remedy);
            case Forbidden f -> new Forbidden(f.text(), remedy);
            case RateLimited r -> new RateLimited(r.text(), r.retryAfter(), remedy);
            case Timeout t -> new Timeout(t.text(), remedy);
            case NetworkError n -> new NetworkError(n.text(), remedy);
            case BadResponse b -> new BadResponse(b.text(), remedy);
            case ProviderError p -> new ProviderError(p.text(), p.httpStatus(), remedy);
            case NoKey n -> new NoKey(n.text(), remedy);
            case Unsupported u -> new Unsupported(u.text(), remedy);
        };
    }

    /** The key was refused (HTTP 401 or the provider's "invalid key" envelope). */
    record AuthFailed(Text text, Remedy remedy) implements FetchError {
        public AuthFailed {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public AuthFailed(String message) {
            this(message, Remedy.NONE);
        }

        public AuthFailed(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public AuthFailed(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.AUTH_FAILED; }
    }

    /** The key is valid but lacks the scope, e.g. not a management/admin key (HTTP 403). */
    record Forbidden(Text text, Remedy remedy) implements FetchError {
        public Forbidden {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public Forbidden(String message) {
            this(message, Remedy.NONE);
        }

        public Forbidden(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public Forbidden(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.FORBIDDEN; }
    }

    /** HTTP 429; {@code retryAfter} is what the provider asked for, or {@code null}. The remedy is to wait. */
    record RateLimited(Text text, Duration retryAfter, Remedy remedy) implements FetchError {
        public RateLimited {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public RateLimited(String message, Duration retryAfter) {
            this(message, retryAfter, new Remedy.Wait(retryAfter));
        }

        public RateLimited(String message, Duration retryAfter, Remedy remedy) {
            this(Text.plain(message), retryAfter, remedy);
        }

        public RateLimited(Text text, Duration retryAfter) {
            this(text, retryAfter, new Remedy.Wait(retryAfter));
        }

        public AccountStatus status() { return AccountStatus.RATE_LIMITED; }
    }

    record Timeout(Text text, Remedy remedy) implements FetchError {
        public Timeout {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public Timeout(String message) {
            this(message, Remedy.NONE);
        }

        public Timeout(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public Timeout(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.TIMEOUT; }
    }

    /** No answer: DNS, refused connection, TLS failure, reset before the response started. */
    record NetworkError(Text text, Remedy remedy) implements FetchError {
        public NetworkError {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public NetworkError(String message) {
            this(message, Remedy.NONE);
        }

        public NetworkError(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public NetworkError(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.NETWORK_ERROR; }
    }

    /** An answer we cannot trust: not JSON, HTML, empty, cut off, too large, fields missing or unparseable, or an error envelope inside HTTP 200. */
    record BadResponse(Text text, Remedy remedy) implements FetchError {
        public BadResponse {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public BadResponse(String message) {
            this(message, Remedy.NONE);
        }

        public BadResponse(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public BadResponse(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.BAD_RESPONSE; }
    }

    /** The provider failed: 5xx, a documented error code, a redirect, or the endpoint is gone (404/410). {@code httpStatus} is 0 when not HTTP-level. */
    record ProviderError(Text text, int httpStatus, Remedy remedy) implements FetchError {
        public ProviderError {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public ProviderError(String message, int httpStatus) {
            this(message, httpStatus, Remedy.NONE);
        }

        public ProviderError(String message, int httpStatus, Remedy remedy) {
            this(Text.plain(message), httpStatus, remedy);
        }

        public ProviderError(Text text, int httpStatus) {
            this(text, httpStatus, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.PROVIDER_ERROR; }
    }

    /** A key (or a field the provider needs besides keys) is missing; the remedy says which. */
    record NoKey(Text text, Remedy remedy) implements FetchError {
        public NoKey {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public NoKey(String message) {
            this(message, Remedy.NONE);
        }

        public NoKey(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public NoKey(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.NO_KEY; }
    }

    record Unsupported(Text text, Remedy remedy) implements FetchError {
        public Unsupported {
            Objects.requireNonNull(text);
            Objects.requireNonNull(remedy);
        }

        public Unsupported(String message) {
            this(message, Remedy.NONE);
        }

        public Unsupported(String message, Remedy remedy) {
            this(Text.plain(message), remedy);
        }

        public Unsupported(Text text) {
            this(text, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.UNSUPPORTED; }
    }
}
