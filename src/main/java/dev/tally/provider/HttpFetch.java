package dev.tally.provider;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.core.Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one HTTP path every provider uses, with the rules that keep keys and money safe:
 * <ul>
 *   <li>https only, except plain http to a loopback address;</li>
 *   <li>5 s to connect, 15 s for the whole exchange including the body;</li>
 *   <li>redirects are never followed (a 3xx is an error: the key must not travel to another host);</li>
 *   <li>bodies over 1 MiB are refused;</li>
 *   <li>{@code User-Agent: Tally/<version>};</li>
 *   <li>every failure becomes a typed {@link FetchError} whose message names the host and status and
 *       never contains a key (provider messages are redacted).</li>
 * </ul>
 * Thread-safe; calls block the caller, so never call from a UI thread.
 */
public final class HttpFetch implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(HttpFetch.class.getName());

    private final Duration connectTimeout;
    /** For https: the JDK's default TLS (its CA certificates are read when the first https request is made). */
    private volatile HttpClient tls;
    /** For http (loopback, a local relay): never reads the CA certificates, refuses any TLS it is handed. */
    private volatile HttpClient plain;
    private boolean closed;
    private final String userAgent;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final Clock clock;
    private final Proxies proxies;

    /** One request: who asks (for logs), where, which headers, and which secrets it carries (for redaction). */
    public record Call(String who, URI uri, Map<String, String> headers, Collection<Secret> secrets) {
        public Call {
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "Call[" + who + " GET " + uri + "]";
        }
    }

    /** A complete response whose body is at most the cap. */
    public record Response(int status, HttpHeaders headers, byte[] body) {
    }

    public HttpFetch(String version) {
        this(version, CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BODY_BYTES, Clock.systemUTC());
    }

    /** With the proxies this environment asks for (see {@link Proxies}). */
    public HttpFetch(String version, Proxies proxies) {
        this(version, CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BODY_BYTES, Clock.systemUTC(), proxies);
    }

    public HttpFetch(String version, Duration connectTimeout, Duration requestTimeout, int maxBodyBytes, Clock clock) {
        this(version, connectTimeout, requestTimeout, maxBodyBytes, clock, null);
    }

    /** @param proxies which proxy each request goes through, or {@code null} for the JVM's default selector */
    public HttpFetch(String version, Duration connectTimeout, Duration requestTimeout, int maxBodyBytes, Clock clock,
                     Proxies proxies) {
        this.connectTimeout = connectTimeout;
        this.proxies = proxies;
        this.userAgent = "Tally/" + version;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public String userAgent() {
        return userAgent;
    }

    /**
     * Stops the client's selector thread. Besides freeing it, this matters at exit: the JVM waits up to
     * 300 ms for threads blocked in native code (the selector sits in epoll) before it ends.
     */
    @Override
    public void close() {
        List<HttpClient> built;
        synchronized (this) {
            closed = true;
            built = java.util.stream.Stream.of(tls, plain).filter(Objects::nonNull).toList();
        }
        for (HttpClient c : built) {
            c.shutdownNow();
            try {
                c.awaitTermination(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The client for {@code uri}, built on first use: setting up TLS (reading and parsing the JDK's CA certificates)
     * costs a command-line start a quarter of a second, which a plain-http request (a local relay, a test's fake
     * provider) never needs.
     */
    private HttpClient clientFor(URI uri) {
        boolean secure = !"http".equalsIgnoreCase(uri.getScheme());
        HttpClient c = secure ? tls : plain;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("this HttpFetch is closed");
            }
            c = secure ? tls : plain;
            if (c == null) {
                HttpClient.Builder b = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        // one request per host and poll: HTTP/1.1 needs no h2c upgrade dance on plain-http loopback
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout);
                if (proxies != null) {
                    b.proxy(proxies);
                }
                if (!secure) {
                    b.sslContext(NoTls.CONTEXT);
                }
                c = b.build();
                if (secure) {
                    tls = c;
                } else {
                    plain = c;
                }
            }
            return c;
        }
    }

    /**
     * GETs the URL and returns the parsed JSON of a 2xx answer.
     *
     * @throws FetchException for every non-2xx status, transport failure, or body that is empty, HTML,
     *                        not JSON, truncated or too large
     */
    public JsonNode getJson(Call call) throws FetchException {
        Response response = get(call);
        String host = call.uri().getHost();
        int status = response.status();
        if (status >= 200 && status < 300) {
            return parseJson(response, host, call.secrets());
        }
        throw new FetchException(errorFor(response, call));
    }

    /** GETs the URL and returns whatever complete answer arrived, any status. */
    public Response get(Call call) throws FetchException {
        URI uri = call.uri();
        String host = uri.getHost();
        try {
            BaseUrls.requireSecureScheme(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(new FetchError.NetworkError(FetchPhrase.REFUSING_TO_SEND.text(e.getMessage())));
        }
        java.util.Optional<Text> proxyProblem = proxies == null ? java.util.Optional.empty() : proxies.problemFor(uri);
        if (proxyProblem.isPresent()) {
            throw new FetchException(new FetchError.NetworkError(FetchPhrase.NOT_SENT.text(proxyProblem.get())));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        call.headers().forEach(builder::setHeader);
        AtomicReference<HttpResponse.ResponseInfo> headersSeen = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            headersSeen.set(info);
            return new CappedBody(maxBodyBytes);
        };
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = clientFor(uri).sendAsync(builder.build(), handler);
        try {
            HttpResponse<byte[]> r = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            // the JDK hands back a proxy's answer to CONNECT (e.g. 407) without a body
            byte[] body = r.body() == null ? new byte[0] : r.body();
            LOG.log(System.Logger.Level.DEBUG, "GET {0}{1} -> {2} ({3} bytes, {4} ms)", host, uri.getRawPath(),
                    r.statusCode(), body.length, (System.nanoTime() - started) / 1_000_000);
            if (r.statusCode() == PROXY_LOGIN) {
                throw new FetchException(new FetchError.NetworkError(proxyLogin(uri)));
            }
            return new Response(r.statusCode(), r.headers(), body);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(new FetchError.Timeout(
                    FetchPhrase.NO_COMPLETE_ANSWER.text(host, requestTimeout.toSeconds())));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(new FetchError.NetworkError(FetchPhrase.CANCELLED.text(host)));
        } catch (ExecutionException e) {
            FetchError error = transportError(e.getCause(), via(host, uri), headersSeen.get() != null, call.secrets());
            LOG.log(System.Logger.Level.DEBUG, "GET {0}{1} failed: {2}", host, uri.getRawPath(), error.message());
            throw new FetchException(error);
        }
    }

    /** HTTP 407 Proxy Authentication Required. */
    static final int PROXY_LOGIN = 407;

    /**
     * What a proxy that asks for a login means for the user: Tally sends no proxy credentials (a login in a proxy
     * variable is refused by {@link Proxies}), so the request cannot go through that proxy.
     */
    private Text proxyLogin(URI uri) {
        String proxy = proxies == null ? null : proxies.describe().orElse(null);
        return proxy == null ? FetchPhrase.PROXY_LOGIN.text(uri.getHost())
                : FetchPhrase.PROXY_AT_LOGIN.text(proxy, uri.getHost());
    }

    /** "api.deepseek.com through proxy proxy.corp:3128 (HTTPS_PROXY)" when this request goes through the environment's proxy. */
    private Object via(String host, URI uri) {
        if (proxies == null || proxies.describe().isEmpty()
                || proxies.select(uri).stream().allMatch(p -> p.type() == java.net.Proxy.Type.DIRECT)) {
            return host;
        }
        return FetchPhrase.THROUGH_PROXY.text(host, proxies.describe().get());
    }

    private FetchError transportError(Throwable cause, Object host, boolean headersArrived, Collection<Secret> secrets) {
        if (cause instanceof BodyTooLarge) {
            return new FetchError.BadResponse(FetchPhrase.TOO_LARGE.text(host, maxBodyBytes / 1024));
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchError.Timeout(FetchPhrase.CONNECT_TIMEOUT.text(host, connectTimeout.toSeconds()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchError.Timeout(FetchPhrase.ANSWER_TIMEOUT.text(host, requestTimeout.toSeconds()));
        }
        if (headersArrived && cause instanceof IOException) {
            return new FetchError.BadResponse(FetchPhrase.CUT_OFF.text(host));
        }
        // before ConnectException: the client reports a failed lookup as a ConnectException caused by it
        if (unresolved(cause)) {
            return new FetchError.NetworkError(FetchPhrase.UNRESOLVED.text(host));
        }
        if (cause instanceof ConnectException) {
            return new FetchError.NetworkError(FetchPhrase.REFUSED_CONNECTION.text(host));
        }
        if (cause instanceof SSLException) {
            return new FetchError.NetworkError(FetchPhrase.TLS_FAILED.text(host, Redactor.clean(cause.getMessage(), secrets)));
        }
        Object detail = cause == null ? FetchPhrase.UNKNOWN_ERROR.text()
                : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + Redactor.clean(cause.getMessage(), secrets));
        return new FetchError.NetworkError(FetchPhrase.NETWORK.text(host, detail));
    }

    /** True when the host name could not be looked up, however deep in the cause chain that was said. */
    private static boolean unresolved(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parseJson(Response response, String host, Collection<Secret> secrets) throws FetchException {
        byte[] body = response.body();
        int code = response.status();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw FetchException.badResponse(FetchPhrase.EMPTY.text(host, code));
        }
        if (looksLikeHtml(response)) {
            throw FetchException.badResponse(FetchPhrase.HTML.text(host, code));
        }
        JsonNode node;
        try (JsonParser parser = JsonTrees.parser(body)) {
            try {
                // one value; the parser stays after it, so trailing text is reported with its own message
                node = JsonTrees.readValue(parser, JsonTrees.Decimals.EXACT);
            } catch (JsonEOFException e) {
                throw FetchException.badResponse(FetchPhrase.JSON_ENDS_EARLY.text(host, code, body.length));
            } catch (JsonProcessingException e) {
                // Jackson's location is just after the token it could not read, hence "near"
                Text near = position(e.getLocation());
                throw FetchException.badResponse(near == null ? FetchPhrase.JSON_MALFORMED.text(host, code)
                        : FetchPhrase.JSON_MALFORMED_NEAR.text(host, code, near));
            }
            if (node == null || node.isMissingNode()) {
                throw FetchException.badResponse(FetchPhrase.EMPTY.text(host, code));
            }
            Text end = position(parser.currentLocation());
            boolean trailing;
            try {
                trailing = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                trailing = true;
            }
            if (trailing) {
                throw FetchException.badResponse(end == null ? FetchPhrase.JSON_TRAILING.text(host, code)
                        : FetchPhrase.JSON_TRAILING_AT.text(host, code, end));
            }
            return node;
        } catch (IOException e) {
            throw FetchException.badResponse(FetchPhrase.UNREADABLE.text(host, code));
        }
    }

    /** "line L, column C, byte B" of a parser location in the body; {@code null} when unknown. */
    private static Text position(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return null;
        }
        return loc.getByteOffset() >= 0 ? FetchPhrase.POSITION_BYTE.text(loc.getLineNr(), loc.getColumnNr(), loc.getByteOffset())
                : FetchPhrase.POSITION.text(loc.getLineNr(), loc.getColumnNr());
    }

    private static boolean looksLikeHtml(Response response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String start = new String(response.body(), 0, Math.min(response.body().length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    private FetchError errorFor(Response response, Call call) {
        int status = response.status();
        String host = call.uri().getHost();
        String said = providerMessage(response, call.secrets());
        // "HTTP 401" is the same in every language
        Object http = said.isEmpty() ? "HTTP " + status : FetchPhrase.HTTP_STATUS_SAID.text(status, said);
        if (status >= 300 && status < 400) {
            Object to = response.headers().firstValue("Location").map(l -> {
                try {
                    URI target = call.uri().resolve(l);
                    // the Location comes from the answer: quoted through the redactor like any other value
                    return target.getHost() == null ? FetchPhrase.ANOTHER_ADDRESS.text()
                            : (Object) Redactor.quote(target.getHost(), call.secrets());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }).orElse(null);
            return new FetchError.ProviderError(to == null ? FetchPhrase.REDIRECT.text(host, status)
                    : FetchPhrase.REDIRECT_TO.text(host, status, to), status);
        }
        return switch (status) {
            case 401 -> new FetchError.AuthFailed(FetchPhrase.HTTP_AUTH.text(host, http));
            case 403 -> new FetchError.Forbidden(FetchPhrase.HTTP_FORBIDDEN.text(host, http));
            case 429 -> {
                Duration wait = retryAfter(response.headers()).orElse(null);
                yield new FetchError.RateLimited(wait == null || wait.toSeconds() <= 0 ? FetchPhrase.HTTP_RATE_LIMITED.text(host, http)
                        : FetchPhrase.HTTP_RATE_LIMITED_RETRY.text(host, http, wait.toSeconds()), wait);
            }
            case 404, 410 -> new FetchError.ProviderError(FetchPhrase.HTTP_GONE.text(host + call.uri().getRawPath(), http), status);
            default -> status >= 500
                    ? new FetchError.ProviderError(FetchPhrase.HTTP_SERVER_ERROR.text(host, http), status)
                    : new FetchError.ProviderError(FetchPhrase.HTTP_REFUSED.text(host, http), status);
        };
    }

    /** The provider's own error text, from the usual JSON shapes; redacted, one line, at most 200 characters. */
    static String providerMessage(Response response, Collection<Secret> secrets) {
        if (response.body().length == 0 || looksLikeHtml(response)) {
            return "";
        }
        try {
            JsonNode root = Json.read(response.body());
            if (root == null) {
                return "";
            }
            String text = firstText(root.path("error").path("message"), root.path("error"), root.path("message"),
                    root.path("msg"), root.path("error_msg"), root.path("detail"), root.path("reason"),
                    root.path("base_resp").path("status_msg"));
            return Redactor.clean(text, secrets);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode n : candidates) {
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }

    /** Retry-After as delta-seconds or an HTTP date; absent when missing or unreadable. */
    java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, clock));
    }

    /** RFC 850 date, obsolete but still to be accepted (RFC 9110 §5.6.7): {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static final Pattern RFC_850 = Pattern.compile(
            "(?i)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-([a-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
    /** ANSI C asctime() date, always UTC (RFC 9110 §5.6.7): {@code Sun Nov  6 08:49:37 1994}. */
    private static final Pattern ASCTIME = Pattern.compile(
            "(?i)(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([a-z]{3}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /**
     * Retry-After as delta-seconds or an HTTP-date in any of the three forms RFC 9110 §5.6.7 says to accept
     * (IMF-fixdate, RFC 850, asctime); a date in the past means "now". Empty for anything else.
     */
    static java.util.Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        return httpDate(v, clock).map(at -> {
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        });
    }

    private static java.util.Optional<Instant> httpDate(String v, Clock clock) {
        try {
            Matcher m = RFC_850.matcher(v);
            if (m.matches()) {
                // a two-digit year is the latest year with those digits that is not more than 50 years ahead
                int now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).getYear();
                int year = now - Math.floorMod(now, 100) + Integer.parseInt(m.group(3));
                if (year > now + 50) {
                    year -= 100;
                }
                return utc(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = ASCTIME.matcher(v);
            if (m.matches()) {
                return utc(Integer.parseInt(m.group(6)), m.group(1), m.group(2).strip(), m.group(3), m.group(4),
                        m.group(5));
            }
            return java.util.Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Instant> utc(int year, String month, String day, String h, String min, String sec) {
        int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        if (monthIndex < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day), Integer.parseInt(h),
                Integer.parseInt(min), Integer.parseInt(sec)).toInstant(ZoneOffset.UTC));
    }

    /** Thrown inside the body subscriber when the cap is passed. */
    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("body too large", null);
        }
    }

    /** Collects the body, cancelling the stream as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (buffer.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
