package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corporate proxy on 127.0.0.1 that wants a login (HTTP 407 to the CONNECT): a network error that names the proxy,
 * the variable it came from and what to do, never "could not read the answer".
 */
class ProxyLoginTest {
    private static final Secret KEY = Secret.of("sk-proxy-CANARY-0123456789abcdef");
    private static final URI DEEPSEEK = URI.create("https://api.deepseek.com/user/balance");

    /** Answers every connection with 407 and the usual Proxy-Authenticate header; collects the request lines. */
    private static List<String> answer407(ServerSocket proxy) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket s = proxy.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                    StandardCharsets.ISO_8859_1));
                            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                                lines.add(line);
                            }
                            OutputStream out = s.getOutputStream();
                            out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        } catch (Exception e) {
                            lines.add("proxy failed: " + e);
                        }
                    });
                } catch (Exception e) {
                    return;
                }
            }
        }, "test-proxy-407");
        acceptor.setDaemon(true);
        acceptor.start();
        return lines;
    }

    @Test
    void aProxyAskingForALoginIsANetworkErrorThatSaysWhatToDo() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<String> seen = answer407(proxy);
            Proxies p = Proxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.getLocalPort()), null);
            HttpFetch http = new HttpFetch("test", Duration.ofSeconds(5), Duration.ofSeconds(10), HttpFetch.MAX_BODY_BYTES,
                    Clock.systemUTC(), p);

            FetchException e = assertThrows(FetchException.class, () -> http.getJson(new HttpFetch.Call("test", DEEPSEEK,
                    Map.of("Authorization", "Bearer " + KEY.reveal()), List.of(KEY))));

            assertEquals(AccountStatus.NETWORK_ERROR, e.error().status(), e.getMessage());
            assertTrue(e.getMessage().contains("the proxy at 127.0.0.1:" + proxy.getLocalPort()
                    + " (HTTPS_PROXY) asks for a login; Tally does not send proxy credentials"), e.getMessage());
            assertTrue(e.getMessage().contains("NO_PROXY"), "says what to do: " + e.getMessage());
            assertFalse(e.getMessage().contains("could not read the answer"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY.reveal()), e.getMessage());
            assertEquals("CONNECT api.deepseek.com:443 HTTP/1.1", seen.getFirst(), seen.toString());
            assertFalse(String.join("\n", seen).contains("CANARY"), "the key stays in the tunnel");
        }
    }
}
