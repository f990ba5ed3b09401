package dev.tally.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a balance could not be shown. Each kind maps to one contract status. The {@link #message()}
 * is for people: specific, actionable, and it never contains a key or an Authorization header.
 */
public sealed interface FetchError {

    String message();

    AccountStatus status();

    /** The same kind of error (same status, same retry-after or HTTP status) with another message. */
    default FetchError withMessage(String message) {
        return switch (this) {
            case AuthFailed a -> new AuthFailed(message);
            case Forbidden f -> new Forbidden(message);
            case RateLimited r -> new RateLimited(message, r.retryAfter());
            case Timeout t -> new Timeout(message);
            case NetworkError n -> new NetworkError(message);
            case BadResponse b -> new BadResponse(message);
            case ProviderError p -> new ProviderError(message, p.httpStatus());
            case NoKey n -> new NoKey(message);
            case Unsupported u -> new Unsupported(message);
        };
    }

    /** The key was refused (HTTP 401 or the provider's "invalid key" envelope). */
    record AuthFailed(String message) implements FetchError {
        public AuthFailed { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.AUTH_FAILED; }
    }

    /** The key is valid but lacks the scope, e.g. not a management/admin key (HTTP 403). */
    record Forbidden(String message) implements FetchError {
        public Forbidden { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.FORBIDDEN; }
    }

    /** HTTP 429; {@code retryAfter} is what the provider asked for, or {@code null}. */
    record RateLimited(String message, Duration retryAfter) implements FetchError {
        public RateLimited { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.RATE_LIMITED; }
    }

    record Timeout(String message) implements FetchError {
        public Timeout { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.TIMEOUT; }
    }

    /** No answer: DNS, refused connection, TLS failure, reset before the response started. */
    record NetworkError(String message) implements FetchError {
        public NetworkError { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.NETWORK_ERROR; }
    }

    /** An answer we cannot trust: not JSON, HTML, empty, cut off, too large, fields missing or unparseable, or an error envelope inside HTTP 200. */
    record BadResponse(String message) implements FetchError {
        public BadResponse { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.BAD_RESPONSE; }
    }

    /** The provider failed: 5xx, a documented error code, a redirect, or the endpoint is gone (404/410). {@code httpStatus} is 0 when not HTTP-level. */
    record ProviderError(String message, int httpStatus) implements FetchError {
        public ProviderError { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.PROVIDER_ERROR; }
    }

    record NoKey(String message) implements FetchError {
        public NoKey { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.NO_KEY; }
    }

    record Unsupported(String message) implements FetchError {
        public Unsupported { Objects.requireNonNull(message); }
        public AccountStatus status() { return AccountStatus.UNSUPPORTED; }
    }
}
