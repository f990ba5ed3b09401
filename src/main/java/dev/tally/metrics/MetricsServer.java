package dev.tally.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@link PrometheusText} at {@code /metrics} (GET and HEAD) with the JDK's HTTP server, on two daemon threads
 * ({@code tally-metrics}). Every other path is 404. With a bearer token, a request without
 * {@code Authorization: Bearer <token>} gets 401 (compared in constant time). The text is built per request by the
 * supplier given, on a server thread. Thread-safe; {@link #close()} stops it.
 */
public final class MetricsServer implements AutoCloseable {
    /** Where {@code --metrics} listens when no address is given. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:9464";
    private static final System.Logger LOG = System.getLogger(MetricsServer.class.getName());

    private final HttpServer server;
    private final ExecutorService threads;
    private final Supplier<String> text;
    private final byte[] token;

    private MetricsServer(HttpServer server, ExecutorService threads, Supplier<String> text, byte[] token) {
        this.server = server;
        this.threads = threads;
        this.text = text;
        this.token = token;
    }

    /**
     * Parses {@code host:port}, {@code [v6]:port} or {@code :port} (loopback).
     *
     * @throws IllegalArgumentException in words when it is not an address
     */
    public static InetSocketAddress parseAddress(String text) {
        Objects.requireNonNull(text, "address");
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, e.g. " + DEFAULT_ADDRESS);
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no port number, e.g. " + DEFAULT_ADDRESS);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        try {
            InetAddress address = host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot find the address '" + host + "'");
        }
    }

    /**
     * Starts serving.
     *
     * @param token the bearer token requests must carry, or empty for none
     * @throws IOException when the address cannot be bound (in use, not this machine's)
     */
    public static MetricsServer start(InetSocketAddress address, Supplier<String> text, Optional<String> token)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tally-metrics");
            t.setDaemon(true);
            return t;
        });
        MetricsServer m = new MetricsServer(server, threads, text,
                token.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null));
        server.createContext("/", m::handle);
        server.setExecutor(threads);
        server.start();
        return m;
    }

    /** Where it listens (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:9464/metrics} */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/metrics";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.equals("/metrics")) {
                reply(ex, 404, "text/plain; charset=utf-8", "Tally serves its metrics at /metrics\n");
                return;
            }
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().add("Allow", "GET, HEAD");
                reply(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            if (token != null && !authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"tally\"");
                reply(ex, 401, "text/plain; charset=utf-8", "a bearer token is needed\n");
                return;
            }
            String body;
            try {
                body = text.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "metrics could not be gathered: " + e.getMessage());
                reply(ex, 500, "text/plain; charset=utf-8", "the metrics could not be gathered; see Tally's log\n");
                return;
            }
            reply(ex, 200, PrometheusText.CONTENT_TYPE, body);
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
