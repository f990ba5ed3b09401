package dev.tally.provider;

import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS_PROXY / NO_PROXY as developer tools read them, and a request that really goes through a proxy. */
class ProxiesTest {
    private static final URI DEEPSEEK = URI.create("https://api.deepseek.com/user/balance");
    private static final Secret KEY = Secret.of(ProviderHarness.CANARY);

    private static Proxy only(Proxies p, URI uri) {
        List<Proxy> chosen = p.select(uri);
        assertEquals(1, chosen.size());
        return chosen.getFirst();
    }

    @Test
    void httpsProxyIsUsedExceptForNoProxyHostsAndThisComputer() {
        Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", "localhost, .cn,api.x.ai:443"), null);
        assertEquals("proxy.corp:3128", only(p, DEEPSEEK).address().toString().replace("/<unresolved>", ""));
        assertEquals(Proxy.NO_PROXY, only(p, URI.create("https://api.moonshot.cn/v1/users/me/balance")));
        assertEquals(Proxy.NO_PROXY, only(p, URI.create("https://api.x.ai/v1/billing")));
        assertEquals(Proxy.NO_PROXY, only(p, URI.create("http://127.0.0.1:8080/user/balance")));
        assertEquals(Proxy.NO_PROXY, only(p, URI.create("http://[::1]:8080/user/balance")));
        assertEquals("proxy.corp:3128 (HTTPS_PROXY)", p.describe().orElseThrow());
    }

    @Test
    void lowerCaseAndAllProxyVariablesAndAStarWork() {
        assertEquals(Proxy.Type.HTTP, only(Proxies.fromEnvironment(Map.of("https_proxy", "proxy:8080"), null), DEEPSEEK).type());
        assertEquals(Proxy.Type.HTTP, only(Proxies.fromEnvironment(Map.of("ALL_PROXY", "http://proxy:8080"), null), DEEPSEEK).type());
        assertEquals(Proxy.NO_PROXY, only(Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy:8080",
                "no_proxy", "*"), null), DEEPSEEK));
        assertEquals(Proxy.NO_PROXY, only(Proxies.fromEnvironment(Map.of(), null), DEEPSEEK), "no proxy set: direct");
    }

    @Test
    void aProxyThatCannotBeUsedIsAProblemNotASilentDirectRequest() throws Exception {
        Proxies login = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://me:secret@proxy.corp:3128"), null);
        assertTrue(login.problem().orElseThrow().contains("user name and password"), login.problem().orElseThrow());
        assertFalse(login.problem().orElseThrow().contains("secret"), "the proxy password is not repeated");
        Proxies bypass = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://me:secret@proxy.corp:3128",
                "NO_PROXY", ".deepseek.com"), null);
        assertTrue(bypass.problemFor(DEEPSEEK).isEmpty(), "a NO_PROXY host goes direct whatever the proxy variable says");
        assertTrue(bypass.problemFor(URI.create("https://api.x.ai/v1")).isPresent());
        Proxies tls = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "https://proxy.corp:443"), null);
        assertTrue(tls.problem().orElseThrow().contains("plain http:// proxies"), tls.problem().orElseThrow());

        HttpFetch http = new HttpFetch("test", Duration.ofSeconds(2), Duration.ofSeconds(3), HttpFetch.MAX_BODY_BYTES,
                Clock.systemUTC(), login);
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(call(DEEPSEEK)));
        assertInstanceOf(FetchError.NetworkError.class, e.error());
        assertTrue(e.getMessage().contains("not sent") && e.getMessage().contains("HTTPS_PROXY"), e.getMessage());

        // this computer is still reached directly
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.json("/user/balance", 200, "{\"ok\": true}");
            assertTrue(http.getJson(call(server.baseUrl().resolve("/user/balance"))).get("ok").asBoolean());
        }
    }

    /**
     * A real proxy on 127.0.0.1: the request for the provider arrives there as a CONNECT tunnel to the provider's
     * host and port, so the key (sent inside the encrypted tunnel) never reaches the proxy in the clear. This
     * proxy refuses the tunnel, and the error names it.
     */
    @Test
    void providerRequestsGoThroughTheProxyAsATunnelAndTheKeyStaysInsideIt() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (Socket s = proxy.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        lines.add(line);
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (Exception e) {
                    lines.add("proxy failed: " + e);
                }
                return lines;
            });
            Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.getLocalPort()), null);
            HttpFetch http = new HttpFetch("test", Duration.ofSeconds(2), Duration.ofSeconds(5), HttpFetch.MAX_BODY_BYTES,
                    Clock.systemUTC(), p);

            FetchException e = assertThrows(FetchException.class, () -> http.getJson(call(DEEPSEEK)));

            List<String> request = seen.get(10, TimeUnit.SECONDS);
            assertEquals("CONNECT api.deepseek.com:443 HTTP/1.1", request.getFirst(), "request seen by the proxy: " + request);
            assertFalse(String.join("\n", request).contains(KEY.reveal()), "the proxy saw the key: " + request);
            assertTrue(e.getMessage().contains("through proxy 127.0.0.1:" + proxy.getLocalPort() + " (HTTPS_PROXY)"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(KEY.reveal()));
        }
    }

    private static HttpFetch.Call call(URI uri) {
        return new HttpFetch.Call("test", uri, Map.of("Authorization", "Bearer " + KEY.reveal()), List.of(KEY));
    }
}
