package dev.tally.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers like a provider: canned bodies (usually fixture files
 * copied from the provider's docs), chosen statuses and headers, delays, and deliberately broken
 * answers. Records every request so tests can check the path and auth header that went over the wire.
 */
public final class FakeProviderServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    /** What arrived: method, path with query, and headers (names lower-case). */
    public record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null || v.isEmpty() ? null : v.getFirst();
        }

        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        public String query() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? "" : pathAndQuery.substring(q + 1);
        }
    }

    private FakeProviderServer(HttpServer server) {
        this.server = server;
    }

    public static FakeProviderServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeProviderServer fake = new FakeProviderServer(s);
            s.createContext("/", fake::dispatch);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} — use as an account's base URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answer {@code path} (without query) with this status and JSON body. */
    public FakeProviderServer json(String path, int status, String body) {
        return reply(path, status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    /** Answer with a fixture file from {@code src/test/resources/providers/...}, e.g. {@code deepseek/balance.json}. */
    public FakeProviderServer fixture(String path, int status, String fixture) {
        return json(path, status, Fixtures.read(fixture));
    }

    public FakeProviderServer reply(String path, int status, String body, Map<String, String> headers, Duration delay) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return handle(path, ex -> {
            sleep(delay);
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
    }

    /** Sends headers promising {@code promised} bytes, writes only {@code body}, then drops the connection. */
    public FakeProviderServer truncated(String path, String body, int promised) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return handle(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, promised);
            ex.getResponseBody().write(bytes);
            ex.getResponseBody().flush();
            ex.getHttpContext().getServer();
            // closing the exchange with fewer bytes than promised makes the server drop the connection
            try {
                ex.close();
            } catch (RuntimeException ignored) {
                // expected: "insufficient bytes written"
            }
        });
    }

    /** Streams {@code bytes} of JSON-ish data with no Content-Length (chunked). */
    public FakeProviderServer huge(String path, int bytes) {
        return handle(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    ex.getResponseBody().write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up once it had seen enough
            }
            ex.close();
        });
    }

    public FakeProviderServer handle(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the fake server received no request");
        }
        return requests.getLast();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()), headers));
        HttpHandler h = routes.get(ex.getRequestURI().getPath());
        if (h == null) {
            byte[] b = "{\"error\":{\"message\":\"no such route in the fake\"}}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        h.handle(ex);
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
