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

    String message();

    AccountStatus status();

    /** What the user can do; {@link Remedy#NONE} when nothing but reading the message. */
    Remedy remedy();

    /** The same kind of error (same status, same retry-after or HTTP status, same remedy) with another message. */
    default FetchError withMessage(String message) {
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
            case AuthFailed a -> new AuthFailed(a.message(), remedy);
            case Forbidden f -> new Forbidden(f.message(), remedy);
            case RateLimited r -> new RateLimited(r.message(), r.retryAfter(), remedy);
            case Timeout t -> new Timeout(t.message(), remedy);
            case NetworkError n -> new NetworkError(n.message(), remedy);
            case BadResponse b -> new BadResponse(b.message(), remedy);
            case ProviderError p -> new ProviderError(p.message(), p.httpStatus(), remedy);
            case NoKey n -> new NoKey(n.message(), remedy);
            case Unsupported u -> new Unsupported(u.message(), remedy);
        };
    }

    /** The key was refused (HTTP 401 or the provider's "invalid key" envelope). */
    record AuthFailed(String message, Remedy remedy) implements FetchError {
        public AuthFailed {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public AuthFailed(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.AUTH_FAILED; }
    }

    /** The key is valid but lacks the scope, e.g. not a management/admin key (HTTP 403). */
    record Forbidden(String message, Remedy remedy) implements FetchError {
        public Forbidden {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public Forbidden(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.FORBIDDEN; }
    }

    /** HTTP 429; {@code retryAfter} is what the provider asked for, or {@code null}. The remedy is to wait. */
    record RateLimited(String message, Duration retryAfter, Remedy remedy) implements FetchError {
        public RateLimited {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public RateLimited(String message, Duration retryAfter) {
            this(message, retryAfter, new Remedy.Wait(retryAfter));
        }

        public AccountStatus status() { return AccountStatus.RATE_LIMITED; }
    }

    record Timeout(String message, Remedy remedy) implements FetchError {
        public Timeout {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public Timeout(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.TIMEOUT; }
    }

    /** No answer: DNS, refused connection, TLS failure, reset before the response started. */
    record NetworkError(String message, Remedy remedy) implements FetchError {
        public NetworkError {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public NetworkError(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.NETWORK_ERROR; }
    }

    /** An answer we cannot trust: not JSON, HTML, empty, cut off, too large, fields missing or unparseable, or an error envelope inside HTTP 200. */
    record BadResponse(String message, Remedy remedy) implements FetchError {
        public BadResponse {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public BadResponse(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.BAD_RESPONSE; }
    }

    /** The provider failed: 5xx, a documented error code, a redirect, or the endpoint is gone (404/410). {@code httpStatus} is 0 when not HTTP-level. */
    record ProviderError(String message, int httpStatus, Remedy remedy) implements FetchError {
        public ProviderError {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public ProviderError(String message, int httpStatus) {
            this(message, httpStatus, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.PROVIDER_ERROR; }
    }

    /** A key (or a field the provider needs besides keys) is missing; the remedy says which. */
    record NoKey(String message, Remedy remedy) implements FetchError {
        public NoKey {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public NoKey(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.NO_KEY; }
    }

    record Unsupported(String message, Remedy remedy) implements FetchError {
        public Unsupported {
            Objects.requireNonNull(message);
            Objects.requireNonNull(remedy);
        }

        public Unsupported(String message) {
            this(message, Remedy.NONE);
        }

        public AccountStatus status() { return AccountStatus.UNSUPPORTED; }
    }
}
